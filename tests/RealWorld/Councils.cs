namespace SharedServicesPipeline.Tests.RealWorld;

/// <summary>Register names of the bodies the real-world corpus uses (what the mart shows, however the file spells them).</summary>
internal static class Councils
{
    public const string Babergh = "Babergh District Council";
    public const string MidSuffolk = "Mid Suffolk District Council";
    public const string SuffolkCounty = "Suffolk County Council";
    public const string Ipswich = "Ipswich Borough Council";
    public const string SuffolkCoastal = "Suffolk Coastal District Council";
    public const string Waveney = "Waveney District Council";
    public const string ForestHeath = "Forest Heath District Council";
    public const string StEdmundsbury = "St Edmundsbury Borough Council";
    public const string SuffolkPolice = "Suffolk Constabulary";
    public const string SouthHams = "South Hams District Council";
    public const string WestDevon = "West Devon Borough Council";
    public const string DevonCounty = "Devon County Council";
    public const string Plymouth = "Plymouth City Council";
    public const string Torbay = "Torbay Council";
    public const string Exeter = "Exeter City Council";
    public const string EastDevon = "East Devon District Council";
    public const string MidDevon = "Mid Devon District Council";
    public const string Teignbridge = "Teignbridge District Council";
    public const string Torridge = "Torridge District Council";
    public const string Adur = "Adur District Council";
    public const string Worthing = "Worthing Borough Council";
    public const string MidSussex = "Mid Sussex District Council";
    public const string Horsham = "Horsham District Council";
    public const string WestSussexCounty = "West Sussex County Council";
    public const string Bromsgrove = "Bromsgrove District Council";
    public const string Redditch = "Redditch Borough Council";
    public const string MalvernHills = "Malvern Hills District Council";
    public const string Worcester = "Worcester City Council";
    public const string Wychavon = "Wychavon District Council";
    public const string WyreForest = "Wyre Forest District Council";
    public const string WorcestershireCounty = "Worcestershire County Council";
    public const string WestMerciaPolice = "West Mercia Police";
    public const string HerefordWorcesterFire = "Hereford and Worcester Fire and Rescue Service";
    public const string Cherwell = "Cherwell District Council";
    public const string SouthNorthants = "South Northamptonshire District Council";
    public const string OxfordshireCounty = "Oxfordshire County Council";
    public const string Lewes = "Lewes District Council";
    public const string Eastbourne = "Eastbourne Borough Council";
    public const string Wealden = "Wealden District Council";
    public const string Rother = "Rother District Council";
    public const string Hastings = "Hastings Borough Council";
    public const string EastSussexCounty = "East Sussex County Council";
    public const string Hambleton = "Hambleton District Council";
    public const string Richmondshire = "Richmondshire District Council";
    public const string NorthYorkshireCounty = "North Yorkshire County Council";
    public const string Cotswold = "Cotswold District Council";
    public const string WestOxfordshire = "West Oxfordshire District Council";
    public const string ForestOfDean = "Forest of Dean District Council";
    public const string Cheltenham = "Cheltenham Borough Council";
    public const string Tewkesbury = "Tewkesbury Borough Council";
    public const string Gloucester = "Gloucester City Council";
    public const string Harborough = "Harborough District Council";
    public const string Melton = "Melton Borough Council";
    public const string LeicestershireCounty = "Leicestershire County Council";
    public const string Breckland = "Breckland District Council";
    public const string SouthHolland = "South Holland District Council";
    public const string Havant = "Havant Borough Council";
    public const string EastHampshire = "East Hampshire District Council";
    public const string Portsmouth = "Portsmouth City Council";
    public const string Fareham = "Fareham Borough Council";
    public const string Gosport = "Gosport Borough Council";
    public const string Sevenoaks = "Sevenoaks District Council";
    public const string Dartford = "Dartford Borough Council";
    public const string TunbridgeWells = "Tunbridge Wells Borough Council";
    public const string TonbridgeMalling = "Tonbridge and Malling Borough Council";
    public const string KentCounty = "Kent County Council";

    public static string[] P(params string[] names) => names;

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
