#include "storesession.h"

#include "databasefile.h"
#include "laterintegritycheck.h"
#include "privatefile.h"
#include "schema.h"
#include "writeaheadlog.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <optional>
#include <utility>

#include <sqlite3.h>

namespace cp {

namespace {

// QT_LOGGING_RULES="commandpost.store.debug=true" traces each look for outside commits and what it
// found: how to see that a follower is polling, and what a test waits for instead of sleeping.
Q_LOGGING_CATEGORY(lcStore, "commandpost.store", QtWarningMsg)

// The whole-file check of a window's session waits this long after the open: the window's first
// frame comes first (a write before then starts the check at once and waits for it).
constexpr int LaterCheckDelayMs = 500;

QString uniqueConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("cp-store-%1").arg(++counter);
}

// The table names a per-table check may name in its PRAGMA: ours are plain words.
bool isPlainName(const QString &name)
{
    // Spelled out: a regular expression here would load and compile PCRE on every open.
    const auto lowerOrUnderscore = [](QChar c) { return (c >= u'a' && c <= u'z') || c == u'_'; };
    if (name.isEmpty() || !lowerOrUnderscore(name.front()))
        return false;
    return std::all_of(name.cbegin(), name.cend(),
                       [&](QChar c) { return lowerOrUnderscore(c) || (c >= u'0' && c <= u'9'); });
}

} // namespace

StoreSession::StoreSession(const Clock &clock, QObject *parent)
    : QObject(parent), m_clock(clock), m_serverClock(clock), m_link(clock)
{
    qRegisterMetaType<StoreChange>();
    m_pollTimer.callOnTimeout(this, &StoreSession::checkExternalCommits);
    m_serverClockTimer.callOnTimeout(this, [this] { measureServerClock(); });
    // The back-off lives in the link, on the injected clock; the timer only looks often.
    m_reconnectTimer.setInterval(250);
    m_reconnectTimer.callOnTimeout(this, [this] {
        if (m_options.tryInBackground)
            reconnectInBackgroundIfDue();
        else
            reconnectIfDue();
    });
    connect(&m_probe, &ServerProbe::finished, this, &StoreSession::takeProbeAnswer);
    connect(&m_notifications, &ServerNotifications::notified, this, &StoreSession::dispatchChanges);
    connect(&m_notifications, &ServerNotifications::connectionClosed, this, &StoreSession::noticeClosedConnection);
    connect(&m_link, &ServerLink::stateChanged, this, [this](ServerLink::State state) {
        if (state == ServerLink::State::Reconnecting && !m_reconnectTimer.isActive())
            linkWentDown();
    });
}

StoreSession::~StoreSession()
{
    close();
}

StoreError StoreSession::onlyForFiles()
{
    return {StoreError::Code::Invalid, tr("This looks inside a database file; a team server checks and keeps its own "
                                          "storage (amcheck, its backups).")};
}

StoreError StoreSession::notOpen()
{
    return {StoreError::Code::NotOpen, tr("No database is open.")};
}

Result<QSqlQuery> StoreSession::read(const QString &sql, const QVariantList &values, const QString &doing) const
{
    if (!isOpen())
        return notOpen();
    if (StoreError down = requireLink(doing); !down.ok())
        return down;
    auto q = runStatement(m_db, sql, values, doing);
    if (!q && isServer())
        return noticeFailure(q.error(), doing);
    return q;
}

QString StoreSession::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("incidents.sqlite"));
}

StoreError StoreSession::open(const QString &path, const Options &options)
{
    close();
    m_options = options;
    const QString absolute = QFileInfo(path).absoluteFilePath();

    // Creating through a dangling link would put the database wherever the link points.
    if (QFileInfo(absolute).isSymLink() && !QFileInfo::exists(absolute))
        return {StoreError::Code::Invalid, tr("%1 is a symbolic link to %2, which does not exist; CommandPost does not "
                                              "create a database through a link. Name the real file.")
                                               .arg(absolute, QFileInfo(absolute).symLinkTarget())};
    if (StoreError refused = DatabaseFile::inspect(absolute, Schema::latestVersion()); !refused.ok())
        return refused;
    const bool exists = QFileInfo::exists(absolute);
    // A new database (and its -wal/-shm, its folder) is private to its owner from the start.
    std::optional<PrivateUmask> privateFiles;
    if (!exists && options.mode == OpenMode::ReadWrite && options.create)
        privateFiles.emplace();
    if (!exists) {
        if (options.mode == OpenMode::ReadOnly || !options.create)
            return {StoreError::Code::FileMissing, tr("%1 does not exist.").arg(absolute)};
        if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
            return {StoreError::Code::ReadOnly,
                    tr("Cannot create the folder %1.").arg(QFileInfo(absolute).absolutePath())};
    }
    if (options.mode == OpenMode::ReadWrite) {
        if (StoreError refused = DatabaseFile::checkWritable(absolute); !refused.ok())
            return refused;
    }

    if (StoreError error = openConnection(absolute); !error.ok()) {
        close();
        return error;
    }
    StoreError error = verifyContent();
    if (error.ok() && options.mode == OpenMode::ReadWrite)
        error = migrate();
    if (!error.ok()) {
        close();
        return error;
    }

    auto last = runStatement(m_db, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_log"), {},
                             tr("Reading the change log"));
    if (!last) {
        close();
        return last.error();
    }
    last->next();
    m_lastSeenChange = last->value(0).toLongLong();
    m_path = absolute;
    checkExternalCommits(); // primes the data_version baseline
    if (m_checkLater) {
        m_laterCheck = std::make_unique<LaterIntegrityCheck>(absolute, LaterCheckDelayMs);
        connect(m_laterCheck.get(), &LaterIntegrityCheck::finished, this, &StoreSession::takeLaterCheck);
    }
    return {};
}

StoreError StoreSession::openConnection(const QString &path)
{
    m_connectionName = uniqueConnectionName();
    m_db = QSqlDatabase::addDatabase(m_dialect.driverName(), m_connectionName);
    m_db.setDatabaseName(path);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs);
    if (m_options.mode == OpenMode::ReadOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (m_options.mode == OpenMode::ReadOnly && DatabaseFile::onReadOnlyMedia(path)) {
        // Nothing can change a file there, and SQLite could not create the -shm a reader needs:
        // read it as the immutable file it is.
        m_db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
        connectOptions += QStringLiteral(";QSQLITE_OPEN_URI");
    }
    m_db.setConnectOptions(connectOptions);
    if (!m_db.open())
        return StoreError::fromSql(m_db.lastError(), tr("Opening %1").arg(path));
    m_statements.attach(sqliteHandle(m_db));

    const QStringList settings =
        m_options.mode == OpenMode::ReadWrite ? m_dialect.writerSettings() : m_dialect.readerSettings();
    for (const QString &statement : settings) {
        auto done = runStatement(m_db, statement, {}, tr("Configuring %1").arg(path));
        if (!done)
            return done.error();
    }
    return {};
}

// Reads only: nothing here writes to a file that may turn out not to be ours.
StoreError StoreSession::verifyContent()
{
    const QString path = m_db.databaseName();
    const QString doing = tr("Checking %1").arg(path);
    auto pragma = [&](const QString &sql) -> Result<QVariant> {
        auto q = runStatement(m_db, sql, {}, doing);
        if (!q)
            return q.error();
        if (!q->next())
            return QVariant();
        return q->value(0);
    };

    auto appId = pragma(QStringLiteral("PRAGMA application_id"));
    if (!appId)
        return appId.error();
    auto version = pragma(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    const quint32 applicationId = static_cast<quint32>(appId->toLongLong());
    const int schema = version->toInt();

    if (m_options.quickCheck) {
        // A file that needs no upgrade may have its growing tables checked after the window shows
        // (a write waits for that); one about to be upgraded is checked whole before anything is written.
        m_checkLater = m_options.checkGrowingTablesLater && m_options.mode == OpenMode::ReadWrite &&
                       applicationId == DatabaseFile::ApplicationId && schema == Schema::latestVersion();
        QStringList checks{QStringLiteral("PRAGMA quick_check")};
        if (m_checkLater) {
            auto tables =
                runStatement(m_db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"), {}, doing);
            if (!tables)
                return tables.error();
            checks = QStringList{QStringLiteral("PRAGMA quick_check('sqlite_master')")};
            const QStringList later = Schema::growingTables();
            while (tables->next()) {
                const QString table = tables->value(0).toString();
                if (!later.contains(table) && isPlainName(table))
                    checks << QStringLiteral("PRAGMA quick_check('%1')").arg(table);
            }
        }
        for (const QString &statement : std::as_const(checks)) {
            auto check = runStatement(m_db, statement, {}, doing);
            if (!check)
                return check.error();
            QStringList problems;
            while (check->next()) {
                const QString line = check->value(0).toString();
                if (line != QStringLiteral("ok"))
                    problems << line;
            }
            if (!problems.isEmpty())
                return {StoreError::Code::Corrupt, tr("%1 is damaged: %2").arg(path, problems.first().simplified())};
        }
    }

    if (applicationId == 0) {
        auto objects = pragma(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"));
        if (!objects)
            return objects.error();
        if (objects->toInt() > 0 || schema != 0)
            return {StoreError::Code::Foreign,
                    tr("%1 is a SQLite database of another application, not CommandPost.").arg(path)};
        // An empty SQLite file becomes a CommandPost database only when asked to create one.
        if (!m_options.create || m_options.mode == OpenMode::ReadOnly)
            return {StoreError::Code::EmptyFile,
                    tr("%1 is an empty SQLite database, not a CommandPost database; 'commandpost-cli init' makes it "
                       "one.")
                        .arg(path)};
    } else if (applicationId != DatabaseFile::ApplicationId) {
        return {StoreError::Code::Foreign,
                tr("%1 is a SQLite database of another application, not CommandPost.").arg(path)};
    }
    if (schema > Schema::latestVersion())
        return {StoreError::Code::TooNew,
                tr("%1 was written by a newer CommandPost (schema %2; this version knows up to %3). "
                   "Update CommandPost to open it.")
                    .arg(path)
                    .arg(schema)
                    .arg(Schema::latestVersion())};
    if (m_options.mode == OpenMode::ReadOnly && schema < Schema::latestVersion())
        return {StoreError::Code::TooOld,
                tr("%1 uses an older layout (schema %2); open it once in CommandPost to upgrade it.")
                    .arg(path)
                    .arg(schema)};
    return {};
}

StoreError StoreSession::migrate()
{
    const QString path = m_db.databaseName();
    // WAL lets readers (the shadow view, the CLI) work while the GUI writes. This is the first
    // statement that may write the file, and it runs only after the checks above passed.
    auto mode = runStatement(m_db, QStringLiteral("PRAGMA journal_mode = WAL"), {}, tr("Opening %1").arg(path));
    if (!mode)
        return mode.error();
    const bool wal = mode->next() && mode->value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) == 0;
    mode->finish();
    if (!wal)
        return {StoreError::Code::Io, tr("%1: the file system does not support the write-ahead log.").arg(path)};

    auto version = runStatement(m_db, QStringLiteral("PRAGMA user_version"), {}, tr("Opening %1").arg(path));
    if (!version)
        return version.error();
    version->next();
    const int current = version->value(0).toInt();
    version->finish();

    for (const MigrationStep &step : Schema::steps(m_dialect)) {
        if (step.version <= current)
            continue;
        WriteTransaction tx(m_db, m_dialect, tr("Upgrading %1 to schema %2").arg(path).arg(step.version),
                            &m_statements);
        if (StoreError error = tx.begin(); !error.ok())
            return error;
        for (const QString &statement : step.statements) {
            if (StoreError error = tx.run(statement); !error.ok()) {
                // A step that cannot run on a file claiming the schema before it: the tables do not
                // match the version (the transaction rolls back; nothing changed).
                if (error.code() != StoreError::Code::Internal)
                    return error;
                return {StoreError::Code::Corrupt,
                        tr("%1 does not match its schema version %2: upgrading it to %3 failed (%4). Nothing was "
                           "changed; open a backup instead.")
                            .arg(path)
                            .arg(current)
                            .arg(step.version)
                            .arg(error.message())};
            }
        }
        // PRAGMAs take no bound values; these are our own integers.
        if (step.version == 1) {
            if (StoreError error =
                    tx.run(QStringLiteral("PRAGMA application_id = %1").arg(DatabaseFile::ApplicationId));
                !error.ok())
                return error;
        }
        if (StoreError error = tx.run(QStringLiteral("PRAGMA user_version = %1").arg(step.version)); !error.ok())
            return error;
        if (StoreError error = tx.commit(); !error.ok())
            return error;
    }
    if (current == 0) {
        // Put the new schema into the main file at once, so the file is recognisable as ours
        // even if this process dies before SQLite's own checkpoint.
        runStatement(m_db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), {}, QString());
    }
    return {};
}

void StoreSession::close()
{
    m_pollTimer.stop();
    m_serverClockTimer.stop();
    m_reconnectTimer.stop();
    m_probe.cancel();
    m_serverClock.setOffsetMs(0);
    m_laterCheck.reset();
    m_checkLater = false;
    m_damage.clear();
    m_link.restored();
    if (m_connectionName.isEmpty())
        return;
    const QString path = m_db.databaseName();
    m_statements.clear(); // Qt's driver closes with sqlite3_close, which refuses while a statement lives
    closeServerConnection(); // (a file's connection closes here too)
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    if (isReadOnly() && !isServer() && !path.startsWith(QLatin1String("file:")))
        WriteAheadLog::removeUnusedCompanions(path); // a read-only look leaves the folder as it was
    m_dialect = SqlDialect();
    m_address = ServerAddress();
    if (!m_stampedAuthor.isEmpty()) {
        m_stampedAuthor.clear();
        emit stampedAuthorChanged(QString());
    }
    m_path.clear();
    m_lastSeenChange = 0;
    m_dataVersion = -1;
    m_needsFirstContact = false;
}

StoreError StoreSession::requireWritable() const
{
    if (!isOpen())
        return notOpen();
    if (isReadOnly())
        return {StoreError::Code::ReadOnly, tr("This window follows the database read-only; it cannot change it.")};
    if (StoreError down = requireLink(tr("Saving")); !down.ok())
        return down;
    return damageError();
}

StoreError StoreSession::damageError() const
{
    // Nothing is written to a file before the whole of it has been checked.
    const QStringList problems = !m_damage.isEmpty() || !m_laterCheck ? QStringList() : m_laterCheck->waitForProblems();
    if (m_damage.isEmpty() && problems.isEmpty())
        return {};
    const QString found = !m_damage.isEmpty() ? m_damage : problems.first().simplified();
    return {StoreError::Code::Corrupt,
            tr("%1 is damaged: %2. Nothing more is written to it: this window is read-only. Close it, keep the file, "
               "and run 'commandpost-cli --db %1 recover -o NEW.sqlite' to save what can be read into a new file, "
               "or restore a backup.")
                .arg(QDir::toNativeSeparators(m_path), found)};
}

void StoreSession::takeLaterCheck(const QStringList &problems)
{
    if (problems.isEmpty() || !m_damage.isEmpty())
        return;
    m_damage = problems.first().simplified();
    emit damaged(damageError().message());
}

StoreError StoreSession::logChange(WriteTransaction &tx, StoreEntity entity, qint64 entityId, qint64 incidentId,
                                   ChangeOp op)
{
    auto seq = tx.insert(
        QStringLiteral("INSERT INTO change_log (entity, entity_id, incident_id, op) VALUES (?, ?, ?, ?) RETURNING seq"),
        {StoreChangeKeys::entityKey(entity), entityId, incidentId, StoreChangeKeys::opKey(op)});
    if (!seq)
        return seq.error();
    m_written.append({*seq, {entity, entityId, incidentId, op}});
    return {};
}

StoreError StoreSession::writeOnce(const QString &doing, const std::function<StoreError(WriteTransaction &)> &body)
{
    if (StoreError error = requireWritable(); !error.ok())
        return error;
    for (int attempt = 1;; ++attempt) {
        m_written.clear();
        WriteTransaction tx(m_db, m_dialect, doing, &m_statements);
        StoreError error = tx.begin();
        if (error.ok())
            error = body(tx);
        if (error.ok())
            error = tx.commit();
        if (error.ok()) {
            // Taken out first: a slot answering the announcement may write again.
            announceCommit(std::exchange(m_written, {}));
            return {};
        }
        tx.rollback();
        if (isServer())
            error = noticeFailure(error, doing);
        if (!error.isTransient() || attempt == MaxWriteAttempts)
            return error;
    }
}

StoreError StoreSession::limitPagesForTesting(qint64 maxPages)
{
    if (StoreError error = requireWritable(); !error.ok())
        return error;
    if (isServer())
        return onlyForFiles();
    // PRAGMAs take no bound values; this is an integer of ours. 0 lifts the limit (SQLite keeps
    // the largest it can, about 4 billion pages).
    const qint64 pages = maxPages > 0 ? maxPages : 4294967294LL;
    auto done =
        runStatement(m_db, QStringLiteral("PRAGMA max_page_count = %1").arg(pages), {}, tr("Limiting the file size"));
    return done ? StoreError() : done.error();
}

Result<QStringList> StoreSession::integrityProblems() const
{
    if (!isOpen())
        return notOpen();
    if (isServer())
        return onlyForFiles();
    QStringList problems;
    auto integrity = runStatement(m_db, QStringLiteral("PRAGMA integrity_check"), {}, tr("Checking integrity"));
    if (!integrity)
        return integrity.error();
    while (integrity->next()) {
        const QString line = integrity->value(0).toString();
        if (line != QStringLiteral("ok"))
            problems << line;
    }
    auto keys = runStatement(m_db, QStringLiteral("PRAGMA foreign_key_check"), {}, tr("Checking references"));
    if (!keys)
        return keys.error();
    while (keys->next())
        problems << tr("Row %1 of %2 refers to a missing row of %3")
                        .arg(keys->value(1).toString(), keys->value(0).toString(), keys->value(2).toString());
    return problems;
}

Result<StoreSession::Stats> StoreSession::stats() const
{
    if (!isOpen())
        return notOpen();
    Stats stats;
    auto count = [this](const QString &sql) -> Result<qint64> {
        auto q = runStatement(m_db, sql, {}, tr("Counting"));
        if (!q)
            return q.error();
        q->next();
        return q->value(0).toLongLong();
    };
    // A server keeps the version in its schema_info table (ServerSchema), a file in user_version.
    auto version =
        count(isServer() ? QStringLiteral("SELECT version FROM schema_info") : QStringLiteral("PRAGMA user_version"));
    auto incidents = count(QStringLiteral("SELECT COUNT(*) FROM incident"));
    auto entries = count(QStringLiteral("SELECT COUNT(*) FROM timeline_entry"));
    for (const auto *r : {&version, &incidents, &entries}) {
        if (!*r)
            return r->error();
    }
    stats.schemaVersion = int(*version);
    stats.incidents = *incidents;
    stats.entries = *entries;
    return stats;
}

Result<QVariantMap> StoreSession::connectionSettings() const
{
    if (!isOpen())
        return notOpen();
    if (isServer())
        return onlyForFiles();
    QVariantMap settings;
    for (const QString &name :
         {QStringLiteral("journal_mode"), QStringLiteral("synchronous"), QStringLiteral("foreign_keys")}) {
        auto q = runStatement(m_db, QStringLiteral("PRAGMA ") + name, {}, tr("Reading %1").arg(name));
        if (!q)
            return q.error();
        if (q->next())
            settings.insert(name, q->value(0));
    }
    return settings;
}

void StoreSession::setExternalPollInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_pollTimer.stop();
        return;
    }
    if (isServer() && !m_link.isDown())
        listenForServerCommits(); // the wake-up (a reconnect starts it); the poll stays as the safety net
    m_pollTimer.start(milliseconds);
}

void StoreSession::checkExternalCommits()
{
    if (!isOpen())
        return;
    const QString counter = m_dialect.externalCommitCounter();
    if (counter.isEmpty()) {
        if (isServer())
            dispatchChanges(); // no commit counter on a server: the change log itself is cheap to ask
        return;
    }
    std::optional<qint64> version;
    if (m_statements.isAttached()) {
        // Asked on every poll for as long as the window is open: compiled once.
        CachedQuery q(m_statements, counter);
        if (q.bind({}) == SQLITE_OK && q.step() == SQLITE_ROW)
            version = q.int64(0);
    } else if (auto q = runStatement(m_db, counter, {}, QString()); q && q->next()) {
        version = q->value(0).toLongLong();
    }
    if (!version)
        return; // a busy moment; the next tick looks again
    qCDebug(lcStore, "looked for outside commits: data_version %lld", *version);
    if (*version == m_dataVersion)
        return;
    const bool first = m_dataVersion < 0;
    m_dataVersion = *version;
    if (!first)
        dispatchChanges();
}

QList<StoreChange> StoreSession::readNewChanges()
{
    static const QString Sql =
        QStringLiteral("SELECT seq, entity, entity_id, incident_id, op FROM change_log WHERE seq > ? ORDER BY seq");
    QList<StoreChange> changes;
    const auto take = [&](qint64 seq, const QString &entity, qint64 entityId, qint64 incidentId, const QString &op) {
        m_lastSeenChange = seq;
        // An entity this version does not know was written by a newer one: nothing here shows it.
        if (const auto known = StoreChangeKeys::entityFromKey(entity))
            changes.append({*known, entityId, incidentId, StoreChangeKeys::opFromKey(op)});
    };
    // What could not be read is looked at again on the next commit or poll.
    if (m_statements.isAttached()) {
        CachedQuery q(m_statements, Sql);
        if (q.bind({m_lastSeenChange}) == SQLITE_OK) {
            while (q.step() == SQLITE_ROW)
                take(q.int64(0), q.text(1), q.int64(2), q.int64(3), q.text(4));
        }
        return changes;
    }
    auto q = read(Sql, {m_lastSeenChange}, tr("Reading the change log"));
    while (q && q->next())
        take(q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toLongLong(),
             q->value(4).toString());
    return changes;
}

void StoreSession::announceCommit(const QList<LoggedChange> &written)
{
    // Our rows follow straight on from the last one seen: nothing was committed between that one
    // and ours (SQLite gives a new row the next number after the largest; on a server, writers
    // take the write lock in turn and a number is never given twice), so the rows are what
    // reading the log would return. A gap (another's commit, a server's number spent by a rolled
    // back try) or a write that logged nothing reads the log.
    bool follows = !written.isEmpty() && written.first().seq == m_lastSeenChange + 1;
    for (qsizetype i = 1; follows && i < written.size(); ++i)
        follows = written.at(i).seq == written.at(i - 1).seq + 1;
    if (!follows) {
        dispatchChanges();
        return;
    }
    m_lastSeenChange = written.last().seq;
    QList<StoreChange> changes;
    changes.reserve(written.size());
    for (const LoggedChange &row : written)
        changes.append(row.change);
    announce(changes);
}

void StoreSession::dispatchChanges()
{
    if (!isOpen())
        return;
    m_notifications.takePending(); // what they announce, this look reads
    const QList<StoreChange> changes = readNewChanges();
    if (!changes.isEmpty())
        qCDebug(lcStore, "read %lld changes through change %lld", qint64(changes.size()), m_lastSeenChange);
    announce(changes);
}

void StoreSession::announce(const QList<StoreChange> &changes)
{
    // A flood of entry changes for one incident (a bulk import, a long disconnection) becomes a reload.
    QHash<qint64, int> entryChangesPerIncident;
    for (const StoreChange &c : std::as_const(changes)) {
        if (c.entity == StoreEntity::Entry)
            ++entryChangesPerIncident[c.incidentId];
    }
    QSet<qint64> reloaded;
    for (const StoreChange &c : std::as_const(changes)) {
        const bool reload =
            c.entity == StoreEntity::Timeline ||
            (c.entity == StoreEntity::Entry && entryChangesPerIncident.value(c.incidentId) > BulkThreshold);
        if (!reload) {
            emit changed(c);
            continue;
        }
        if (!reloaded.contains(c.incidentId)) {
            reloaded.insert(c.incidentId);
            emit changed({StoreEntity::Timeline, c.incidentId, c.incidentId, ChangeOp::Reload});
        }
    }
}

} // namespace cp
