package org.gan4j.engine.pytorch;

import org.gan4j.api.engine.EngineSync;

/** libtorch runs CPU operators synchronously: when a call returns, its work is done. */
final class PytorchSync implements EngineSync {

    @Override
    public void waitAll() {
        // nothing queued on the CPU
    }
}
