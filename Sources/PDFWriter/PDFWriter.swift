/// Drawing simple PDF documents with cairo: the only module of the feedback side that sees C pointers.
public enum PDFWriter {}
