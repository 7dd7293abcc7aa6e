using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interviewer.Api.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BankSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BankSnapshotId",
                table: "sessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SnapshotRecovered",
                table: "sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "BankSnapshotId",
                table: "runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bank_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BankId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_snapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_BankSnapshotId",
                table: "sessions",
                column: "BankSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_runs_BankSnapshotId",
                table: "runs",
                column: "BankSnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_bank_snapshots_BankId_Version_ContentHash",
                table: "bank_snapshots",
                columns: new[] { "BankId", "Version", "ContentHash" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_runs_bank_snapshots_BankSnapshotId",
                table: "runs",
                column: "BankSnapshotId",
                principalTable: "bank_snapshots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_sessions_bank_snapshots_BankSnapshotId",
                table: "sessions",
                column: "BankSnapshotId",
                principalTable: "bank_snapshots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite drops the snapshots' table before it rebuilds the tables that refer to it: let nothing refer to it then.
            migrationBuilder.Sql("UPDATE sessions SET BankSnapshotId = NULL; UPDATE runs SET BankSnapshotId = NULL;");

            migrationBuilder.DropTable(
                name: "bank_snapshots");

            migrationBuilder.DropForeignKey(
                name: "FK_runs_bank_snapshots_BankSnapshotId",
                table: "runs");

            migrationBuilder.DropForeignKey(
                name: "FK_sessions_bank_snapshots_BankSnapshotId",
                table: "sessions");

            migrationBuilder.DropIndex(
                name: "IX_sessions_BankSnapshotId",
                table: "sessions");

            migrationBuilder.DropIndex(
                name: "IX_runs_BankSnapshotId",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "BankSnapshotId",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "SnapshotRecovered",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "BankSnapshotId",
                table: "runs");
        }
    }
}
