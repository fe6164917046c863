using System.Reflection;

namespace SharedServicesPipeline.HostileFiles;

/// <summary>
/// The full names of the councils in the built-in register today (pipeline/Reference/Data/authorities.csv, embedded):
/// partner names the matcher resolves exactly, each to a council with a location, so that every pair of them is a
/// distance the load works out.
/// </summary>
public static class RegisterNames
{
    private static readonly Lazy<IReadOnlyList<string>> Current = new(Read);

    public static IReadOnlyList<string> Councils => Current.Value;

    private static IReadOnlyList<string> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("authorities.csv")
            ?? throw new InvalidOperationException("authorities.csv is not embedded in the hostile-file generator.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            // code,name,short_name,authority_type,tier_level,parent_code,region,nation,valid_from,valid_to,...: names with a comma are quoted; left out.
            var cells = line.Split(',');
            if (line.Contains('"', StringComparison.Ordinal) || cells.Length < 13 || cells[9].Length > 0 || cells[11].Length == 0)
            {
                continue;
            }

            names.Add(cells[1]);
        }

        return names;
    }
}
