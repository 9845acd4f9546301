package cn.zjdata.portal.tabular;

/** A cell that does not fit its column; the message says why, in words a publisher can act on. */
public class InvalidCellException extends Exception {

    public InvalidCellException(String message) {
        super(message, null, false, false);
    }
}
