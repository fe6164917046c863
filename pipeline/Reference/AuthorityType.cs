namespace SharedServicesPipeline.Pipeline.Reference;

public enum AuthorityType
{
    County,
    District,
    Unitary,
    MetropolitanDistrict,
    LondonBorough,
    CityCorporation,
    CombinedAuthority,
    StrategicAuthority,
    ScottishCouncil,
    WelshCouncil,
    NorthernIrelandDistrict,
    PoliceBody,
    FireBody,
    HealthBody,
    NationalPark,
    OtherBody,
}
