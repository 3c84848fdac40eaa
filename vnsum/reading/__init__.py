"""The read stage: bytes from a file, stdin or a URL, decoded, HTML pages reduced to their article."""
