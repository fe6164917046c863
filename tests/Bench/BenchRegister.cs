namespace SharedServicesPipeline.Tests.Bench;

/// <summary>A small register file for the bench's tests, which must not depend on what the built-in register holds.</summary>
internal static class BenchRegister
{
    public const string Csv = """
        code,name,short_name,authority_type,tier_level,parent_code,region,nation,valid_from,valid_to,successor_codes,latitude,longitude
        E10000012,Essex County Council,Essex,county,upper,,East of England,England,1974-04-01,,,51.77,0.60
        E07000067,Braintree District Council,Braintree,district,lower,E10000012,East of England,England,1974-04-01,,,51.88,0.55
        E07000070,Chelmsford City Council,Chelmsford,district,lower,E10000012,East of England,England,1974-04-01,,,51.73,0.47
        E07000071,Colchester Borough Council,Colchester,district,lower,E10000012,East of England,England,1974-04-01,,,51.89,0.90
        E07000077,Uttlesford District Council,Uttlesford,district,lower,E10000012,East of England,England,1974-04-01,,,51.95,0.28
        E06000033,Southend-on-Sea City Council,Southend-on-Sea,unitary,single,,East of England,England,1998-04-01,,,51.54,0.71
        E06000034,Thurrock Council,Thurrock,unitary,single,,East of England,England,1998-04-01,,,51.50,0.35
        E09000012,London Borough of Hackney,Hackney,london_borough,single,,London,England,1965-04-01,,,51.55,-0.06
        E09000019,London Borough of Islington,Islington,london_borough,single,,London,England,1965-04-01,,,51.55,-0.10
        E09000007,London Borough of Camden,Camden,london_borough,single,,London,England,1965-04-01,,,51.55,-0.16
        E09000014,London Borough of Haringey,Haringey,london_borough,single,,London,England,1965-04-01,,,51.59,-0.11
        """;

    /// <summary>Writes the register to a file in <paramref name="folder"/> and returns its path.</summary>
    public static string WriteTo(string folder)
    {
        var path = Path.Combine(folder, "register.csv");
        File.WriteAllText(path, Csv);
        return path;
    }
}
