using System.Globalization;
using System.Text;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// Files that are not tricks at all, only big: a CSV just under the intake's file limit of valid rows, and one of 160,000
/// rows each with problems (half would not load, half would load with advice). Their rows cost more work than one
/// submission may (<c>Intake:MaxWorkSeconds</c>), so both are refused part-way with nothing loaded; what they test is that
/// the refusal comes within the bound, and what the pipeline holds per row until it does (the load's slices, the problems,
/// the return's snapshot).
/// </summary>
public static class HostileRowCases
{
    /// <summary>Bytes the valid-rows file stays under: 48 MB, below the 50 MB default of Intake:MaxFileBytes.</summary>
    public const long ValidRowsBytes = 48L * 1024 * 1024;

    /// <summary>Rows of the bad-rows file, every one with at least one problem.</summary>
    public const int BadRows = 160_000;

    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("row-volume", "48 MB of valid rows (199,000 arrangements)", "many-valid-rows.csv", ValidRows, HostileWorkCases.TooMuchWork) { Worst = true },
        new("row-volume", "160,000 rows each with problems", "many-bad-rows.csv", () => Utf8.GetBytes(BadRowsCsv(BadRows)), HostileWorkCases.TooMuchWork),
    ];

    /// <summary>Valid arrangements up to <see cref="ValidRowsBytes"/> (and within the 200,000-row limit), a long description each.</summary>
    public static byte[] ValidRows()
    {
        const int rows = 199_000;
        var perRow = (int)(ValidRowsBytes / rows);
        var text = new StringBuilder((int)ValidRowsBytes + 1024);
        text.Append("Reference,Arrangement,Partners,Service area,Description\r\n");
        for (var i = 0; i < rows; i++)
        {
            var start = text.Length;
            text.Append(CultureInfo.InvariantCulture, $"R{i},Shared legal service {i},Essex County Council; Slough Borough Council,Legal,One legal team serves both councils (row {i}): ");
            var pad = perRow - (text.Length - start) - 2;
            for (var k = 0; k < pad; k++)
            {
                text.Append((char)('a' + (k + i) % 26));
            }

            text.Append("\r\n");
        }

        return Utf8.GetBytes(text.ToString());
    }

    /// <summary>
    /// <paramref name="rows"/> arrangements, every one with problems: the even ones an unreadable start date and negative
    /// savings (not loaded), the odd ones a service area we do not know (loaded, with advice).
    /// </summary>
    public static string BadRowsCsv(int rows)
    {
        var text = new StringBuilder("Reference,Arrangement,Partners,Service area,Start date,Annual savings\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{i},Shared service {i},Essex County Council; Slough Borough Council,")
                .Append(i % 2 == 0 ? "Legal,the spring after next,-5\r\n" : "Not a service at all,01/04/2020,1000\r\n");
        }

        return text.ToString();
    }
}
