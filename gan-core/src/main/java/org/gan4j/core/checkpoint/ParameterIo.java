package org.gan4j.core.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves and restores a block's parameters by name. Restoring copies values into the existing arrays,
 * so gradients stay attached and the parameter store's cached arrays stay valid; a name or shape that
 * differs from the model's is an {@link IncompatibleCheckpointException}.
 */
final class ParameterIo {
    private ParameterIo() {}

    static void write(Block block, DataOutputStream out) throws IOException {
        List<Pair<String, Parameter>> params = block.getParameters().stream().toList();
        out.writeInt(params.size());
        for (Pair<String, Parameter> p : params) {
            out.writeUTF(p.getKey());
            byte[] bytes = p.getValue().getArray().encode();
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    static void read(Block block, String network, DataInputStream in, NDManager scratch) throws IOException {
        List<Pair<String, Parameter>> params = new ArrayList<>(block.getParameters().stream().toList());
        int count = in.readInt();
        if (count != params.size()) {
            throw new IncompatibleCheckpointException(network + " has " + params.size()
                    + " parameter arrays but the checkpoint has " + count + " (another architecture?)");
        }
        for (Pair<String, Parameter> p : params) {
            String name = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            if (!name.equals(p.getKey())) {
                throw new IncompatibleCheckpointException(network + " parameter '" + p.getKey()
                        + "' where the checkpoint has '" + name + "' (another architecture?)");
            }
            try (NDArray saved = NDArray.decode(scratch, bytes)) {
                NDArray target = p.getValue().getArray();
                if (!saved.getShape().equals(target.getShape())) {
                    throw new IncompatibleCheckpointException(network + " parameter '" + name + "' has shape "
                            + target.getShape() + " but the checkpoint has " + saved.getShape());
                }
                target.set(saved.toByteBuffer());
            }
        }
    }
}
