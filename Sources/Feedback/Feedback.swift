/// Feedback to institutions: compiled from the stored reviews, as text and as a PDF.
public enum Feedback {}
