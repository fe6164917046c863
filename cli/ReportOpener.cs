using System.ComponentModel;
using System.Diagnostics;

namespace SharedServicesPipeline.Cli;

/// <summary>Opens a report page in the desktop's browser (xdg-open, open or start); says so, never fails, when it cannot.</summary>
internal static class ReportOpener
{
    public static void Open(string path, TextWriter error)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd", ["/c", "start", "", path])
            : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [path]);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        try
        {
            using var process = Process.Start(start);
        }
        catch (Win32Exception ex)
        {
            // A server or a container has no desktop: the path printed above is the way to the page.
            error.WriteLine($"Could not open the report page ({start.FileName}: {ex.Message}); open {path} in a browser.");
        }
    }
}
