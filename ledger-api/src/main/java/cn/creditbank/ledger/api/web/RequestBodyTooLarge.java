package cn.creditbank.ledger.api.web;

import java.io.IOException;

/** A request body read past its size bound; whoever reads it answers 413 PAYLOAD_TOO_LARGE. */
public class RequestBodyTooLarge extends IOException {

    public RequestBodyTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes", null);
    }
}
