CREATE OR ALTER VIEW [mart].[vw_arrangement] AS
SELECT
    f.[arrangement_key],
    f.[arrangement_id],
    f.[reference],
    f.[title],
    s.[service_area],
    f.[category],
    CASE WHEN f.[start_date_key] > 0 THEN sd.[date] END AS [start_date],
    CASE WHEN f.[start_date_key] > 0 THEN sd.[financial_year] END AS [start_financial_year],
    CASE WHEN f.[end_date_key] > 0 THEN ed.[date] END AS [end_date],
    f.[status],
    f.[governance],
    f.[delivery_model],
    CASE WHEN f.[lead_authority_key] > 0 THEN la.[name] END AS [lead_authority],
    (SELECT STRING_AGG(CAST(a.[name] AS nvarchar(max)), N'; ') WITHIN GROUP (ORDER BY a.[name])
       FROM [mart].[bridge_arrangement_partner] AS b
       JOIN [mart].[dim_authority] AS a ON a.[authority_key] = b.[authority_key]
      WHERE b.[arrangement_key] = f.[arrangement_key]) AS [partners],
    f.[partner_count],
    f.[council_count],
    f.[is_cross_tier],
    f.[is_cross_sector],
    f.[max_partner_distance_km],
    f.[annual_savings_gbp],
    f.[savings_to_date_gbp]
FROM [mart].[fact_arrangement] AS f
JOIN [mart].[dim_service_area] AS s ON s.[service_area_key] = f.[service_area_key]
JOIN [mart].[dim_date] AS sd ON sd.[date_key] = f.[start_date_key]
JOIN [mart].[dim_date] AS ed ON ed.[date_key] = f.[end_date_key]
JOIN [mart].[dim_authority] AS la ON la.[authority_key] = f.[lead_authority_key]
