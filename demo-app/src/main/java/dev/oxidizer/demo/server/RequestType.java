package dev.oxidizer.demo.server;

/** The kinds of request the demo serves; the order is the order of the statistics lines. */
public enum RequestType {
    SEARCH, METRICS, UPLOAD, THUMBNAIL, CHECKOUT, STOCK, PAYMENT, REPLAN
}
