using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class HeldRowConfiguration : IEntityTypeConfiguration<HeldRowEntity>
{
    public void Configure(EntityTypeBuilder<HeldRowEntity> builder)
    {
        builder.ToTable("held_row");
        builder.HasKey(h => h.HeldRowKey);
        builder.Property(h => h.Sheet).HasMaxLength(100);
        builder.Property(h => h.State).HasMaxLength(20);
        builder.Property(h => h.UnresolvedNames).HasMaxLength(2000);
        builder.Property(h => h.Reason).HasMaxLength(2000);
        builder.HasIndex(h => new { h.SubmissionKey, h.Sheet, h.RowNumber }).IsUnique();
        builder.HasIndex(h => h.State);
        builder.HasIndex(h => h.ResolvedSubmissionKey);
        builder.HasOne<DimSubmission>().WithMany().HasForeignKey(h => h.SubmissionKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DimSubmission>().WithMany().HasForeignKey(h => h.ResolvedSubmissionKey).OnDelete(DeleteBehavior.Restrict);
    }
}
