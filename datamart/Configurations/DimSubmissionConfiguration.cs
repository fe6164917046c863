using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharedServicesPipeline.DataMart.Entities;

namespace SharedServicesPipeline.DataMart.Configurations;

internal sealed class DimSubmissionConfiguration : IEntityTypeConfiguration<DimSubmission>
{
    public void Configure(EntityTypeBuilder<DimSubmission> builder)
    {
        builder.ToTable("dim_submission");
        builder.HasKey(s => s.SubmissionKey);
        builder.Property(s => s.SubmissionId).HasMaxLength(64);
        builder.Property(s => s.FileName).HasMaxLength(260);
        builder.Property(s => s.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(s => s.Submitter).HasMaxLength(200);
        builder.Property(s => s.SubmittingCouncil).HasMaxLength(9);
        builder.Property(s => s.ReturnAuthority).HasMaxLength(200);
        builder.Property(s => s.ReturnAuthorityCode).HasMaxLength(9);
        builder.Property(s => s.ReturnPeriod).HasMaxLength(7);
        builder.Property(s => s.PipelineVersion).HasMaxLength(40);
        builder.HasIndex(s => s.SubmissionId).IsUnique();
        // The same bytes load once, however many times they are dropped or by how many workers at once.
        builder.HasIndex(s => s.Sha256).IsUnique();
    }
}
