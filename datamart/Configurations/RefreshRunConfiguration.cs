using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class RefreshRunConfiguration : IEntityTypeConfiguration<RefreshRun>
{
    public void Configure(EntityTypeBuilder<RefreshRun> builder)
    {
        builder.ToTable("refresh_run");
        builder.HasKey(r => r.RefreshRunKey);
        builder.Property(r => r.RunId).HasMaxLength(40);
        builder.Property(r => r.Outcome).HasMaxLength(20);
        builder.Property(r => r.Watermark).HasMaxLength(64);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.HasIndex(r => r.RunId).IsUnique();
    }
}
