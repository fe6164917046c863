CREATE VIEW IF NOT EXISTS vw_council_sharing AS
SELECT
    c.authority_key,
    c.authority_code,
    c.name,
    c.authority_type,
    c.tier_level,
    c.region,
    c.nation,
    c.existed_to,
    COUNT(DISTINCT f.arrangement_key) AS arrangement_count,
    COUNT(DISTINCT CASE WHEN b.is_lead = 1 THEN f.arrangement_key END) AS lead_count,
    COUNT(DISTINCT CASE WHEN f.status = 'Live' THEN f.arrangement_key END) AS live_count,
    COUNT(DISTINCT CASE WHEN f.category = 'Front office' THEN f.arrangement_key END) AS front_office_count,
    COUNT(DISTINCT CASE WHEN f.is_cross_tier = 1 THEN f.arrangement_key END) AS cross_tier_count
FROM dim_authority AS c
JOIN dim_authority AS v ON v.authority_code = c.authority_code
LEFT JOIN bridge_arrangement_partner AS b ON b.authority_key = v.authority_key
LEFT JOIN fact_arrangement AS f ON f.arrangement_key = b.arrangement_key
WHERE c.is_current = 1 AND c.sector = 'council'
GROUP BY c.authority_key, c.authority_code, c.name, c.authority_type, c.tier_level, c.region, c.nation, c.existed_to;
