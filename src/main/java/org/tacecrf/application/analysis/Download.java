package org.tacecrf.application.analysis;

/** A file to send: its name, content type and bytes. */
public record Download(String fileName, String contentType, byte[] content) {
}
