using System.Globalization;
using CsvHelper;

namespace SharedServicesPipeline.Tests.Support;

/// <summary>Reads a published CSV extract back as dictionaries keyed by column name.</summary>
internal static class ExtractCsv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(headers.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        }

        return rows;
    }
}
