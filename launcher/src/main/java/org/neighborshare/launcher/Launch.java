package org.neighborshare.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one child process of the suite (Keycloak or a Quarkus service).
 *
 * @param command     the program and its arguments
 * @param environment added to the launcher's own environment
 * @param workDir     the child's working directory
 */
record Launch(List<String> command, Map<String, String> environment, Path workDir) {

    Launch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
