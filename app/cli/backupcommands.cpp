#include "backupcommands.h"

#include "db/databasebackup.h"
#include "db/databaselock.h"
#include "db/databaserecovery.h"
#include "domain/clock.h"

#include <QDir>
#include <QFileInfo>

namespace cp::cli {

namespace {

void printInfo(QTextStream &out, const DatabaseBackup::Info &info)
{
    out << QStringLiteral("schema\t") << info.schemaVersion << QLatin1Char('\n');
    out << QStringLiteral("incidents\t") << info.incidents << QLatin1Char('\n');
    out << QStringLiteral("entries\t") << info.entries << QLatin1Char('\n');
    out << QStringLiteral("bytes\t") << info.bytes << QLatin1Char('\n');
}

} // namespace

QList<Command> BackupCommands::commands()
{
    return {
        Command(QStringLiteral("backup"), QStringLiteral("[-o FILE]"),
                tr("a consistent, verified copy of the live database (0600)"))
            .describe(tr("Writes a consistent, compacted copy of the database while others may be writing to it "
                         "(SQLite's VACUUM INTO, never a file copy), checks it (integrity, CommandPost marker) and "
                         "prints its path, then its schema and counts. The file is readable by you only (0600) and "
                         "must not exist yet. Default: <database>-backup-<UTC time>.sqlite beside the database."))
            .option({{QStringLiteral("o"), QStringLiteral("output")}, tr("Where to write the backup."), tr("FILE")})
            .run(&BackupCommands::backup),
        Command(QStringLiteral("restore"), QStringLiteral("FILE [--no-safety-copy]"),
                tr("replace the content with a backup (refused while a window has it)"))
            .describe(tr("Replaces the database's content with a backup, after checking the backup. Refused while "
                         "a CommandPost window has the database open. The current content is first backed up "
                         "beside the database (its path is printed as \"safety-copy\"), unless --no-safety-copy."))
            .argument(QStringLiteral("FILE"), tr("The backup to restore."))
            .option({QStringLiteral("no-safety-copy"), tr("Do not back up the current content first.")})
            .run(&BackupCommands::restore),
        Command(QStringLiteral("recover"), QStringLiteral("-o FILE"),
                tr("save what can be read from a refused database into a new file"))
            .describe(tr("Saves what can be read from a database that CommandPost refuses to open (for example "
                         "because its -wal file belongs to another database) into a new, checked file (0600). "
                         "Tries the database with its -wal first, then the main file alone as last saved; prints "
                         "the new file, what it was made from, then its schema and counts. The database and its "
                         "-wal are never changed; open the new file with --db, or restore it."))
            .option({{QStringLiteral("o"), QStringLiteral("output")},
                     tr("The new file to write (must not exist)."),
                     tr("FILE")})
            .run(&BackupCommands::recover),
    };
}

int BackupCommands::backup(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const QString database = QFileInfo(context.databasePath()).absoluteFilePath();
    if (!QFileInfo::exists(database))
        return context.fail(
            StoreError(StoreError::Code::FileMissing,
                       tr("%1 does not exist. Run 'commandpost-cli init' to create it.").arg(database)));
    const QString target = line.isSet(QStringLiteral("output"))
                               ? line.value(QStringLiteral("output"))
                               : DatabaseBackup::defaultBackupPath(database, SystemClock::instance().nowUtc());
    if (target.trimmed().isEmpty())
        return line.usageError(tr("-o needs a file name"));
    auto made = DatabaseBackup::backup(database, target, context.busyTimeoutMs());
    if (!made)
        return context.fail(made.error());
    context.out() << made->path << QLatin1Char('\n');
    printInfo(context.out(), *made);
    return context.finish();
}

int BackupCommands::restore(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    if (line.positionalArguments().isEmpty())
        return line.usageError(tr("name the backup file to restore"));
    const QString backupFile = QFileInfo(line.positionalArguments().constFirst()).absoluteFilePath();
    const QString database = QFileInfo(context.databasePath()).absoluteFilePath();

    // The GUI's lock: a window that has the database open keeps its own picture of it, so a
    // restore underneath it is refused; holding the lock keeps a window from starting meanwhile.
    if (!QFileInfo(database).absoluteDir().exists())
        return context.fail(StoreError(StoreError::Code::FileMissing,
                                       tr("The folder %1 does not exist.").arg(QFileInfo(database).absolutePath())));
    DatabaseLock lock(database);
    if (!lock.tryLock()) {
        if (!QFileInfo::exists(DatabaseLock::lockPathFor(database)))
            return context.fail(StoreError(StoreError::Code::ReadOnly,
                                           lock.creationProblem() + QLatin1Char(' ') + tr("Nothing was changed.")));
        return context.fail(StoreError(StoreError::Code::Busy,
                                       tr("%1 is open in CommandPost (%2); close that window first, or use File ▸ "
                                          "Restore… there. Nothing was changed.")
                                           .arg(database, lock.holderDescription())));
    }
    const QString safety = line.isSet(QStringLiteral("no-safety-copy")) || !QFileInfo::exists(database)
                               ? QString()
                               : DatabaseBackup::defaultBackupPath(database, SystemClock::instance().nowUtc())
                                     .replace(QStringLiteral("-backup-"), QStringLiteral("-before-restore-"));
    auto restored = DatabaseBackup::restore(backupFile, database, safety, context.busyTimeoutMs());
    if (!restored)
        return context.fail(restored.error());
    context.out() << restored->path << QLatin1Char('\n');
    if (!safety.isEmpty())
        context.out() << QStringLiteral("safety-copy\t") << safety << QLatin1Char('\n');
    printInfo(context.out(), *restored);
    return context.finish();
}

int BackupCommands::recover(CommandCall &call)
{
    CliContext &context = call.context();
    const CommandLine &line = call.line();
    const QString target = line.value(QStringLiteral("output"));
    if (target.trimmed().isEmpty())
        return line.usageError(tr("name the new file with -o FILE"));
    auto recovered = DatabaseRecovery::recover(context.databasePath(), target);
    if (!recovered)
        return context.fail(recovered.error());
    context.out() << recovered->info.path << QLatin1Char('\n');
    context.out() << QStringLiteral("from\t")
                  << (recovered->includesWal ? QStringLiteral("database and -wal") : QStringLiteral("database only"))
                  << QLatin1Char('\n');
    if (!recovered->walLeftOut.isEmpty())
        context.out() << QStringLiteral("wal-left-out\t") << recovered->walLeftOut.simplified() << QLatin1Char('\n');
    printInfo(context.out(), recovered->info);
    return context.finish();
}

} // namespace cp::cli
