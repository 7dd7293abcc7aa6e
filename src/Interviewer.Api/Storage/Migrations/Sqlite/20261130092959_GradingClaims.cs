using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interviewer.Api.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GradingClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClaimExpiresAt",
                table: "answers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "answers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimExpiresAt",
                table: "answers");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "answers");
        }
    }
}
