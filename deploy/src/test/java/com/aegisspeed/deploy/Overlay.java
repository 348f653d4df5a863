package com.aegisspeed.deploy;

import java.nio.file.Path;

/** Every Kustomize directory an operator may apply (the base is checked too: the overlays inherit it). */
enum Overlay {
    BASE("k8s/base"),
    DEV("k8s/overlays/dev"),
    PROD("k8s/overlays/prod");

    private final String directory;

    Overlay(String directory) {
        this.directory = directory;
    }

    Path directory() {
        return Repository.deploy().resolve(directory);
    }

    Rendered render() {
        return Kustomize.fromEnvironment().render(directory());
    }
}
