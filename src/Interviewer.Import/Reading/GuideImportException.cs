namespace Interviewer.Import.Reading;

/// <summary>A document that cannot be imported: an unknown format, a file that is not what its name says, no question found.</summary>
public sealed class GuideImportException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong and where.</summary>
    public GuideImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the reader's own exception.</summary>
    public GuideImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GuideImportException()
    {
    }
}
