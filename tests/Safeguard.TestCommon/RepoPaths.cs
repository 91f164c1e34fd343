namespace Safeguard.TestCommon;

/// <summary>Where the repository is when a test runs from its bin folder, and what lies beside it.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding Safeguard.slnx.</summary>
    public static string Root { get; } = Find();

    /// <summary>The shared DfE reference files kept beside (not inside) the repository: ../shared/reference/dfe.</summary>
    public static string DfeReference => Path.Combine(Path.GetDirectoryName(Root) ?? Root, "shared", "reference", "dfe");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find Safeguard.slnx above " + AppContext.BaseDirectory);
    }
}
