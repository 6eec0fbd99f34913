/**
 * How much of a message or part one download request asks for. imapflow's
 * default (64 KB) costs a round trip per 64 KB; this keeps one request per
 * typical large message while memory stays bounded by one chunk.
 */
export const DOWNLOAD_CHUNK_BYTES = 8 * 1024 * 1024;
