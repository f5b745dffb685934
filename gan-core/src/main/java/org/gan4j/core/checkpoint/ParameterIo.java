package org.gan4j.core.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and restores a block's parameters by name: per array its name, data type, shape and raw values.
 * Reading checks every array against the model's parameter (name, type, shape) before reading its values,
 * so a file can allocate no more than the model holds. Values are copied into the existing arrays only when
 * the whole checkpoint has passed ({@link Staged#apply}), so gradients stay attached and the parameter
 * store's cached arrays stay valid. A name, type or shape that differs from the model's is an
 * {@link IncompatibleCheckpointException}.
 */
final class ParameterIo {
    /** More dimensions than any layer has: a garbled field. */
    private static final int MAX_DIMENSIONS = 8;

    private ParameterIo() {}

    /** Values read and checked, waiting to be copied into their parameters. */
    static final class Staged {
        private final List<NDArray> targets = new ArrayList<>();
        private final List<byte[]> values = new ArrayList<>();

        private void add(NDArray target, byte[] value) {
            targets.add(target);
            values.add(value);
        }

        void apply() {
            for (int i = 0; i < targets.size(); i++) {
                targets.get(i).set(ByteBuffer.wrap(values.get(i)).order(ByteOrder.nativeOrder()));
            }
        }
    }

    static void write(Block block, DataOutputStream out) throws IOException {
        List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
        out.writeInt(params.size());
        for (Pair<String, Parameter> p : params) {
            NDArray array = p.getValue().getArray();
            out.writeUTF(p.getKey());
            out.writeUTF(array.getDataType().name());
            long[] dims = array.getShape().getShape();
            out.writeInt(dims.length);
            for (long d : dims) {
                out.writeLong(d);
            }
            out.write(array.toByteArray());
        }
    }

    static Staged read(Block block, String network, DataInputStream in, Path file) throws IOException {
        List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
        readCount(in, params.size(), network);
        Staged staged = new Staged();
        for (Pair<String, Parameter> p : params) {
            String name = in.readUTF();
            requireName(network, p.getKey(), name);
            NDArray target = p.getValue().getArray();
            String type = in.readUTF();
            if (!type.equals(target.getDataType().name())) {
                throw new IncompatibleCheckpointException(network + " parameter '" + name + "' has type "
                        + target.getDataType() + " but the checkpoint has " + type);
            }
            int rank = in.readInt();
            if (rank < 0 || rank > MAX_DIMENSIONS) {
                throw InvalidCheckpointException.invalid(file, network + " parameter '" + name + "' has " + rank
                        + " dimensions; 0 to " + MAX_DIMENSIONS + " expected");
            }
            long[] dims = new long[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readLong();
            }
            requireShape(network, name, target.getShape(), new Shape(dims));
            long length = target.size() * target.getDataType().getNumOfBytes();
            staged.add(target, BoundedReads.bytes(in, length, file, network + " parameter '" + name + "'"));
        }
        return staged;
    }

    /** Version 1: each array in DJL's own encoding, prefixed by its length. */
    static Staged readLegacy(Block block, String network, DataInputStream in, NDManager scratch, Path file)
            throws IOException {
        List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
        readCount(in, params.size(), network);
        Staged staged = new Staged();
        for (Pair<String, Parameter> p : params) {
            String name = in.readUTF();
            byte[] bytes = BoundedReads.bytes(in, in.readInt(), file, network + " parameter '" + name + "'");
            requireName(network, p.getKey(), name);
            NDArray target = p.getValue().getArray();
            try (NDArray saved = decode(scratch, bytes, file, network, name)) {
                requireShape(network, name, target.getShape(), saved.getShape());
                if (saved.getDataType() != target.getDataType()) {
                    throw new IncompatibleCheckpointException(network + " parameter '" + name + "' has type "
                            + target.getDataType() + " but the checkpoint has " + saved.getDataType());
                }
                staged.add(target, saved.toByteArray());
            }
        }
        return staged;
    }

    private static NDArray decode(NDManager scratch, byte[] bytes, Path file, String network, String name)
            throws InvalidCheckpointException {
        try {
            return NDArray.decode(scratch, bytes);
        } catch (RuntimeException | OutOfMemoryError e) { // DJL's decoder trusts its own header fields
            throw InvalidCheckpointException.invalid(file, network + " parameter '" + name
                    + "' cannot be decoded (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void readCount(DataInputStream in, int expected, String network) throws IOException {
        int count = in.readInt();
        if (count != expected) {
            throw new IncompatibleCheckpointException(network + " has " + expected
                    + " parameter arrays but the checkpoint has " + count + " (another architecture?)");
        }
    }

    private static void requireName(String network, String expected, String name) {
        if (!name.equals(expected)) {
            throw new IncompatibleCheckpointException(network + " parameter '" + expected
                    + "' where the checkpoint has '" + name + "' (another architecture?)");
        }
    }

    private static void requireShape(String network, String name, Shape expected, Shape saved) {
        if (!saved.equals(expected)) {
            throw new IncompatibleCheckpointException(network + " parameter '" + name + "' has shape "
                    + expected + " but the checkpoint has " + saved);
        }
    }
}
