package org.gan4j.engine.mxnet;

import ai.djl.mxnet.jna.JnaUtils;
import org.gan4j.api.engine.EngineSync;

/** MXNet runs operators asynchronously; {@code MXNDArrayWaitAll} waits for all of them. */
final class MxnetSync implements EngineSync {

    @Override
    public void waitAll() {
        JnaUtils.waitAll();
    }
}
