namespace Interviewer.Web;

/// <summary>Where the front end's files are found next to the program that references this project.</summary>
public static class WebAssets
{
    /// <summary>The folder, relative to the program's base directory, that holds the pages.</summary>
    public const string FolderName = "web";

    /// <summary>The absolute path of the pages folder for the running program.</summary>
    public static string RootPath => Path.Combine(AppContext.BaseDirectory, FolderName);
}
