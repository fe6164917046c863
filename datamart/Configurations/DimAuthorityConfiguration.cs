using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class DimAuthorityConfiguration : IEntityTypeConfiguration<DimAuthority>
{
    public void Configure(EntityTypeBuilder<DimAuthority> builder)
    {
        builder.ToTable("dim_authority");
        builder.HasKey(a => a.AuthorityKey);
        builder.Property(a => a.AuthorityKey).ValueGeneratedOnAdd();
        builder.Property(a => a.AuthorityCode).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.ShortName).HasMaxLength(200);
        builder.Property(a => a.AuthorityType).HasMaxLength(40);
        builder.Property(a => a.TierLevel).HasMaxLength(10);
        builder.Property(a => a.Sector).HasMaxLength(30);
        builder.Property(a => a.ParentCode).HasMaxLength(64);
        builder.Property(a => a.Region).HasMaxLength(60);
        builder.Property(a => a.Nation).HasMaxLength(30);
        builder.Property(a => a.SuccessorCodes).HasMaxLength(200);
        builder.Property(a => a.RowHash).HasMaxLength(64);
        // One version per code and start: two loads adding the same body race into this constraint, not into duplicates.
        builder.HasIndex(a => new { a.AuthorityCode, a.ValidFrom }).IsUnique();
        builder.HasIndex(a => new { a.AuthorityCode, a.IsCurrent });
    }
}
