package org.gan4j.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where a run writes and what it draws. */
public final class OutputConfig {

    @JsonPropertyDescription("run directory (default: runs/<config file name>); --out overrides it")
    private String dir;

    @JsonPropertyDescription("draw real vs generated samples (1-D and 2-D data) at each evaluation")
    private boolean plots = true;

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        if (dir != null && dir.isBlank()) {
            throw new IllegalArgumentException("must be a folder path, got an empty string");
        }
        this.dir = dir;
    }

    public boolean isPlots() {
        return plots;
    }

    public void setPlots(boolean plots) {
        this.plots = plots;
    }
}
