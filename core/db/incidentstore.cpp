#include "incidentstore.h"

#include "domain/domainrules.h"

#include "databasefile.h"
#include "privatefile.h"
#include "schema.h"
#include "storevalues.h"
#include "writeaheadlog.h"
#include "writetransaction.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUrl>

#include <atomic>
#include <optional>

namespace cp {

using namespace storevalues;

namespace {

// Above this many changes in one look, a timeline is reloaded rather than patched row by row.
constexpr int BulkThreshold = 200;
// Entries dated this far ahead of the clock are refused: a backfill names the past.
constexpr qint64 FutureToleranceMs = 60 * 1000;

const QString EntryColumns = QStringLiteral(
    "id, incident_id, kind, author, occurred_at, captured_at, body, tags, key_event, retracted, revision");
const QString IncidentColumns =
    QStringLiteral("id, title, summary, severity, status, kind, declared_at, resolved_at, template_key");

TimelineEntry readEntry(const QSqlQuery &q)
{
    TimelineEntry e;
    e.id = q.value(0).toLongLong();
    e.incidentId = q.value(1).toLongLong();
    e.kind = EntryVocabulary::kindFromKey(q.value(2).toString()).value_or(EntryKind::Note);
    e.author = q.value(3).toString();
    e.occurredAt = fromMs(q.value(4));
    e.capturedAt = fromMs(q.value(5));
    e.text = q.value(6).toString();
    e.tags = splitWords(q.value(7).toString());
    e.keyEvent = q.value(8).toInt() != 0;
    e.retracted = q.value(9).toInt() != 0;
    e.revision = q.value(10).toInt();
    return e;
}

Incident readIncident(const QSqlQuery &q)
{
    Incident i;
    i.id = q.value(0).toLongLong();
    i.title = q.value(1).toString();
    i.summary = q.value(2).toString();
    i.severity = static_cast<Severity>(qBound(1, q.value(3).toInt(), 5));
    i.status = IncidentVocabulary::statusFromKey(q.value(4).toString()).value_or(IncidentStatus::Investigating);
    i.kind = IncidentVocabulary::kindFromKey(q.value(5).toString()).value_or(IncidentKind::Technical);
    i.declaredAt = fromMs(q.value(6));
    i.resolvedAt = fromMs(q.value(7));
    i.templateKey = q.value(8).toString();
    return i;
}

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

// The filter as a WHERE fragment ("AND …") with its values appended to 'values'.
QString filterSql(const TimelineFilter &filter, const SqlDialect &dialect, QVariantList &values)
{
    QString sql;
    if (!filter.kinds.isEmpty()) {
        QStringList marks;
        for (EntryKind kind : filter.kinds) {
            marks << QStringLiteral("?");
            values << EntryVocabulary::kindKey(kind);
        }
        sql += QStringLiteral(" AND kind IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (!filter.author.trimmed().isEmpty()) {
        sql += QStringLiteral(" AND lower(author) = lower(?)");
        values << filter.author.trimmed();
    }
    if (!filter.text.trimmed().isEmpty()) {
        const QString like = dialect.likeOperator();
        sql += QStringLiteral(" AND (body %1 ? ESCAPE '\\' OR tags %1 ? ESCAPE '\\')").arg(like);
        const QString pattern = escapeLike(filter.text.trimmed());
        values << pattern << pattern;
    }
    if (!filter.includeRetracted)
        sql += QStringLiteral(" AND retracted = 0");
    if (filter.keyEventsOnly)
        sql += QStringLiteral(" AND key_event = 1");
    return sql;
}

QString uniqueConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("cp-store-%1").arg(++counter);
}

} // namespace

IncidentStore::IncidentStore(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock)
{
    m_pollTimer.callOnTimeout(this, &IncidentStore::checkExternalCommits);
}

IncidentStore::~IncidentStore()
{
    close();
}

QString IncidentStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("incidents.sqlite"));
}

StoreError IncidentStore::open(const QString &path, const Options &options)
{
    close();
    m_options = options;
    const QString absolute = QFileInfo(path).absoluteFilePath();

    // Creating through a dangling link would put the database wherever the link points.
    if (QFileInfo(absolute).isSymLink() && !QFileInfo::exists(absolute))
        return {StoreError::Code::Invalid, tr("%1 is a symbolic link to %2, which does not exist; CommandPost does not "
                                              "create a database through a link. Name the real file.")
                                               .arg(absolute, QFileInfo(absolute).symLinkTarget())};
    if (StoreError refused = DatabaseFile::inspect(absolute, Schema::latestVersion()))
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
        if (StoreError refused = DatabaseFile::checkWritable(absolute))
            return refused;
    }

    if (StoreError error = openConnection(absolute)) {
        close();
        return error;
    }
    StoreError error = verifyContent();
    if (!error && options.mode == OpenMode::ReadWrite)
        error = migrate();
    if (error) {
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
    return {};
}

StoreError IncidentStore::openConnection(const QString &path)
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
StoreError IncidentStore::verifyContent()
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

    if (m_options.quickCheck) {
        auto check = runStatement(m_db, QStringLiteral("PRAGMA quick_check"), {}, doing);
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

    auto appId = pragma(QStringLiteral("PRAGMA application_id"));
    if (!appId)
        return appId.error();
    auto version = pragma(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    const quint32 applicationId = static_cast<quint32>(appId->toLongLong());
    const int schema = version->toInt();

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

StoreError IncidentStore::migrate()
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
        WriteTransaction tx(m_db, m_dialect, tr("Upgrading %1 to schema %2").arg(path).arg(step.version));
        if (StoreError error = tx.begin())
            return error;
        for (const QString &statement : step.statements) {
            if (StoreError error = tx.run(statement)) {
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
                    tx.run(QStringLiteral("PRAGMA application_id = %1").arg(DatabaseFile::ApplicationId)))
                return error;
        }
        if (StoreError error = tx.run(QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
            return error;
        if (StoreError error = tx.commit())
            return error;
    }
    if (current == 0) {
        // Put the new schema into the main file at once, so the file is recognisable as ours
        // even if this process dies before SQLite's own checkpoint.
        runStatement(m_db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), {}, QString());
    }
    return {};
}

void IncidentStore::close()
{
    m_pollTimer.stop();
    if (m_connectionName.isEmpty())
        return;
    const QString path = m_db.databaseName();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    if (isReadOnly() && !path.startsWith(QLatin1String("file:")))
        WriteAheadLog::removeUnusedCompanions(path); // a read-only look leaves the folder as it was
    m_path.clear();
    m_lastSeenChange = 0;
    m_dataVersion = -1;
}

StoreError IncidentStore::requireWritable() const
{
    if (!isOpen())
        return {StoreError::Code::NotOpen, tr("No database is open.")};
    if (isReadOnly())
        return {StoreError::Code::ReadOnly, tr("This window follows the database read-only; it cannot change it.")};
    return {};
}

StoreError IncidentStore::logChange(WriteTransaction &tx, const QString &entity, qint64 entityId, qint64 incidentId,
                                    const QString &op)
{
    return tx.run(QStringLiteral("INSERT INTO change_log (entity, entity_id, incident_id, op) VALUES (?, ?, ?, ?)"),
                  {entity, entityId, incidentId, op});
}

StoreError IncidentStore::recordIncidentChange(WriteTransaction &tx, qint64 incidentId, const QString &field,
                                               const QString &oldValue, const QString &newValue, const QString &author)
{
    return tx.run(QStringLiteral("INSERT INTO incident_change (incident_id, changed_at, changed_by, field, "
                                 "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)"),
                  {incidentId, toMs(m_clock.nowUtc()), author, field, oldValue, newValue});
}

StoreError IncidentStore::touchIncident(WriteTransaction &tx, qint64 incidentId)
{
    if (StoreError error = tx.run(QStringLiteral("UPDATE incident SET updated_at = ? WHERE id = ?"),
                                  {toMs(m_clock.nowUtc()), incidentId}))
        return error;
    return logChange(tx, QStringLiteral("incident"), incidentId, incidentId, QStringLiteral("update"));
}

StoreError IncidentStore::finish(WriteTransaction &tx)
{
    if (StoreError error = tx.commit())
        return error;
    dispatchChanges();
    return {};
}

Result<qint64> IncidentStore::createIncident(const NewIncident &incident, const QString &author)
{
    if (StoreError error = requireWritable())
        return error;
    const QString title = incident.title.trimmed();
    if (title.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("An incident needs a title."));
    if (author.trimmed().isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("Say who is declaring the incident."));
    const QDateTime now = m_clock.nowUtc();
    const QDateTime declared = incident.declaredAt.isValid() ? incident.declaredAt.toUTC() : now;

    WriteTransaction tx(m_db, m_dialect, tr("Declaring the incident"));
    if (StoreError error = tx.begin())
        return error;
    auto inserted = tx.insert(
        QStringLiteral("INSERT INTO incident (title, summary, severity, status, kind, declared_at, "
                       "created_at, updated_at, template_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "RETURNING id"),
        {title, nonNull(incident.summary.trimmed()), static_cast<int>(incident.severity),
         IncidentVocabulary::statusKey(IncidentStatus::Investigating), IncidentVocabulary::kindKey(incident.kind),
         toMs(declared), toMs(now), toMs(now), nonNull(incident.roles ? incident.roles->key : QString())});
    if (!inserted)
        return inserted.error();
    const qint64 id = *inserted;
    if (StoreError error = logChange(tx, QStringLiteral("incident"), id, id, QStringLiteral("insert")))
        return error;

    NewEntry declaredEntry;
    declaredEntry.incidentId = id;
    declaredEntry.kind = EntryKind::System;
    declaredEntry.author = author.trimmed();
    declaredEntry.occurredAt = declared;
    declaredEntry.keyEvent = true;
    declaredEntry.text = tr("Incident declared: %1 %2 — %3")
                             .arg(IncidentVocabulary::severityKey(incident.severity),
                                  IncidentVocabulary::kindLabel(incident.kind).toLower(), title);
    if (auto entry = insertEntry(tx, declaredEntry, true); !entry)
        return entry.error();
    if (incident.roles) {
        if (StoreError error = applyTemplateInTx(tx, id, *incident.roles, QString(), author.trimmed()))
            return error;
    }
    if (StoreError error = finish(tx))
        return error;
    return id;
}

Result<QVariant> IncidentStore::readIncidentField(WriteTransaction &tx, qint64 incidentId, const QString &column)
{
    // column is one of ours, never user input.
    auto current = tx.exec(QStringLiteral("SELECT %1 FROM incident WHERE id = ?").arg(column), {incidentId});
    if (!current)
        return current.error();
    if (!current->next())
        return StoreError(StoreError::Code::NotFound, tr("There is no incident #%1.").arg(incidentId));
    const QVariant value = current->value(0);
    current->finish();
    return value;
}

StoreError IncidentStore::logIncidentChange(WriteTransaction &tx, qint64 incidentId, const QString &field,
                                            const QString &from, const QString &to, const QString &text,
                                            const QString &author)
{
    if (StoreError error = recordIncidentChange(tx, incidentId, field, from, to, author))
        return error;
    NewEntry entry;
    entry.incidentId = incidentId;
    entry.kind = EntryKind::System;
    entry.author = author;
    entry.keyEvent = field == QLatin1String("severity") || field == QLatin1String("status");
    entry.text = text;
    if (auto added = insertEntry(tx, entry, true); !added)
        return added.error();
    return {};
}

StoreError IncidentStore::setSeverity(qint64 incidentId, Severity severity, const QString &author)
{
    if (StoreError error = requireWritable())
        return error;
    WriteTransaction tx(m_db, m_dialect, tr("Changing the severity"));
    if (StoreError error = tx.begin())
        return error;
    auto current = readIncidentField(tx, incidentId, QStringLiteral("severity"));
    if (!current)
        return current.error();
    const auto before = static_cast<Severity>(current->toInt());
    if (before == severity)
        return {};

    if (StoreError error = tx.run(QStringLiteral("UPDATE incident SET severity = ? WHERE id = ?"),
                                  {static_cast<int>(severity), incidentId}))
        return error;
    const QString from = IncidentVocabulary::severityKey(before);
    const QString to = IncidentVocabulary::severityKey(severity);
    const QString text =
        (severity < before ? tr("Severity raised: %1 → %2") : tr("Severity lowered: %1 → %2")).arg(from, to);
    if (StoreError error = logIncidentChange(tx, incidentId, QStringLiteral("severity"), from, to, text, author))
        return error;
    if (StoreError error = touchIncident(tx, incidentId))
        return error;
    return finish(tx);
}

StoreError IncidentStore::setStatus(qint64 incidentId, IncidentStatus status, const QString &author)
{
    if (status == IncidentStatus::Resolved) {
        if (auto current = incident(incidentId); current && current->isResolved())
            return {}; // already: nothing to log
        return resolveIncident(incidentId, {}, author);
    }
    if (StoreError error = requireWritable())
        return error;
    WriteTransaction tx(m_db, m_dialect, tr("Changing the status"));
    if (StoreError error = tx.begin())
        return error;
    auto current = readIncidentField(tx, incidentId, QStringLiteral("status"));
    if (!current)
        return current.error();
    const IncidentStatus before =
        IncidentVocabulary::statusFromKey(current->toString()).value_or(IncidentStatus::Investigating);
    if (before == status)
        return {};
    if (before == IncidentStatus::Resolved)
        return {StoreError::Code::Invalid,
                tr("Incident #%1 is resolved; reopen it with a reason to change its status.").arg(incidentId)};
    const QString text =
        tr("Status: %1 → %2").arg(IncidentVocabulary::statusLabel(before), IncidentVocabulary::statusLabel(status));
    if (StoreError error = changeStatusInTx(tx, incidentId, before, status, text, author))
        return error;
    return finish(tx);
}

StoreError IncidentStore::changeStatusInTx(WriteTransaction &tx, qint64 incidentId, IncidentStatus before,
                                           IncidentStatus after, const QString &text, const QString &author)
{
    const QVariant resolvedAt = after == IncidentStatus::Resolved ? QVariant(toMs(m_clock.nowUtc())) : QVariant();
    if (StoreError error = tx.run(QStringLiteral("UPDATE incident SET status = ?, resolved_at = ? WHERE id = ?"),
                                  {IncidentVocabulary::statusKey(after), resolvedAt, incidentId}))
        return error;
    if (StoreError error =
            logIncidentChange(tx, incidentId, QStringLiteral("status"), IncidentVocabulary::statusKey(before),
                              IncidentVocabulary::statusKey(after), text, author))
        return error;
    return touchIncident(tx, incidentId);
}

StoreError IncidentStore::setDetails(qint64 incidentId, const QString &title, const QString &summary,
                                     const QString &author)
{
    if (StoreError error = requireWritable())
        return error;
    if (title.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("An incident needs a title.")};
    WriteTransaction tx(m_db, m_dialect, tr("Changing the incident's details"));
    if (StoreError error = tx.begin())
        return error;
    auto current = tx.exec(QStringLiteral("SELECT title, summary FROM incident WHERE id = ?"), {incidentId});
    if (!current)
        return current.error();
    if (!current->next())
        return {StoreError::Code::NotFound, tr("There is no incident #%1.").arg(incidentId)};
    const QString oldTitle = current->value(0).toString();
    const QString oldSummary = current->value(1).toString();
    current->finish();
    const QString newTitle = title.trimmed();
    const QString newSummary = nonNull(summary.trimmed());
    if (oldTitle == newTitle && oldSummary == newSummary)
        return {};

    if (StoreError error = tx.run(QStringLiteral("UPDATE incident SET title = ?, summary = ? WHERE id = ?"),
                                  {newTitle, newSummary, incidentId}))
        return error;
    if (oldTitle != newTitle) {
        if (StoreError error = logIncidentChange(tx, incidentId, QStringLiteral("title"), oldTitle, newTitle,
                                                 tr("Title changed to “%1”").arg(newTitle), author))
            return error;
    }
    if (oldSummary != newSummary) {
        if (StoreError error = logIncidentChange(tx, incidentId, QStringLiteral("summary"), oldSummary, newSummary,
                                                 tr("Summary updated: %1").arg(newSummary), author))
            return error;
    }
    if (StoreError error = touchIncident(tx, incidentId))
        return error;
    return finish(tx);
}

Result<Incident> IncidentStore::incident(qint64 incidentId) const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
    auto q = runStatement(m_db, QStringLiteral("SELECT %1 FROM incident WHERE id = ?").arg(IncidentColumns),
                          {incidentId}, tr("Reading incident #%1").arg(incidentId));
    if (!q)
        return q.error();
    if (!q->next())
        return StoreError(StoreError::Code::NotFound, tr("There is no incident #%1.").arg(incidentId));
    return readIncident(*q);
}

Result<QList<Incident>> IncidentStore::incidents() const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
    auto q = runStatement(m_db,
                          QStringLiteral("SELECT %1 FROM incident ORDER BY CASE WHEN status = 'resolved' THEN 1 ELSE 0 "
                                         "END, declared_at DESC, id DESC")
                              .arg(IncidentColumns),
                          {}, tr("Listing incidents"));
    if (!q)
        return q.error();
    QList<Incident> list;
    while (q->next())
        list << readIncident(*q);
    return list;
}

Result<qint64> IncidentStore::insertEntry(WriteTransaction &tx, const NewEntry &entry, bool logIt,
                                          QSet<qint64> *knownIncidents)
{
    const QString text = entry.text.trimmed();
    if (text.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("A timeline entry needs text."));
    if (entry.author.trimmed().isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("A timeline entry needs an author."));
    if (const QString problem = DomainRules::textProblem(text); !problem.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("The entry %1.").arg(problem));
    const QDateTime now = m_clock.nowUtc();
    const QDateTime occurred = entry.occurredAt.isValid() ? entry.occurredAt.toUTC() : now;
    if (toMs(occurred) > toMs(now) + FutureToleranceMs)
        return StoreError(StoreError::Code::Invalid,
                          tr("%1 is in the future; an entry records something that has happened.")
                              .arg(occurred.toLocalTime().toString(Qt::ISODate)));

    if (!knownIncidents || !knownIncidents->contains(entry.incidentId)) {
        auto exists = tx.exec(QStringLiteral("SELECT status FROM incident WHERE id = ?"), {entry.incidentId});
        if (!exists)
            return exists.error();
        if (!exists->next())
            return StoreError(StoreError::Code::NotFound, tr("There is no incident #%1.").arg(entry.incidentId));
        const bool resolved = exists->value(0).toString() == IncidentVocabulary::statusKey(IncidentStatus::Resolved);
        exists->finish();
        // The one writer of the timeline keeps a resolved incident's record closed.
        if (resolved && m_closedRecordWrites == 0)
            return StoreError(StoreError::Code::Invalid,
                              tr("Incident #%1 is resolved: its record is closed. Reopen it (with a reason) to change "
                                 "it; the postmortem's owner and follow-up actions can still be set.")
                                  .arg(entry.incidentId));
        if (knownIncidents)
            knownIncidents->insert(entry.incidentId);
    }

    auto inserted = tx.insert(QStringLiteral("INSERT INTO timeline_entry (incident_id, kind, author, occurred_at, "
                                             "captured_at, body, tags, key_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                             "RETURNING id"),
                              {entry.incidentId, EntryVocabulary::kindKey(entry.kind), entry.author.trimmed(),
                               toMs(occurred), toMs(now), text, joinWords(entry.tags), entry.keyEvent ? 1 : 0});
    if (!inserted)
        return inserted.error();
    const qint64 id = *inserted;
    if (logIt) {
        if (StoreError error = logChange(tx, QStringLiteral("entry"), id, entry.incidentId, QStringLiteral("insert")))
            return error;
    }
    return id;
}

Result<qint64> IncidentStore::appendEntry(const NewEntry &entry)
{
    if (StoreError error = requireWritable())
        return error;
    WriteTransaction tx(m_db, m_dialect, tr("Logging the entry"));
    if (StoreError error = tx.begin())
        return error;
    auto id = insertEntry(tx, entry, true);
    if (!id)
        return id;
    if (StoreError error = finish(tx))
        return error;
    return id;
}

Result<QList<qint64>> IncidentStore::appendEntries(const QList<NewEntry> &entries)
{
    if (StoreError error = requireWritable())
        return error;
    WriteTransaction tx(m_db, m_dialect, tr("Logging %n entries", nullptr, int(entries.size())));
    if (StoreError error = tx.begin())
        return error;
    const bool bulk = entries.size() > BulkThreshold;
    QList<qint64> ids;
    ids.reserve(entries.size());
    QSet<qint64> incidents;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        auto id = insertEntry(tx, entries.at(i), !bulk, &incidents);
        if (!id) {
            const StoreError e = id.error();
            return StoreError(e.code(), tr("Entry %1: %2").arg(i + 1).arg(e.message()));
        }
        ids << *id;
    }
    if (bulk) {
        for (qint64 incidentId : std::as_const(incidents)) {
            if (StoreError error =
                    logChange(tx, QStringLiteral("timeline"), incidentId, incidentId, QStringLiteral("reload")))
                return error;
        }
    }
    if (StoreError error = finish(tx))
        return error;
    return ids;
}

StoreError IncidentStore::amendEntry(qint64 entryId, const EntryAmendment &amendment, const QString &author)
{
    if (StoreError error = requireWritable())
        return error;
    if (author.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("Say who is amending the entry.")};
    if (amendment.text && amendment.text->trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("A timeline entry needs text; retract it instead of emptying it.")};
    const QDateTime now = m_clock.nowUtc();
    if (amendment.occurredAt && toMs(*amendment.occurredAt) > toMs(now) + FutureToleranceMs)
        return {StoreError::Code::Invalid, tr("An entry cannot be dated in the future.")};

    WriteTransaction tx(m_db, m_dialect, tr("Amending the entry"));
    if (StoreError error = tx.begin())
        return error;
    auto current = tx.exec(QStringLiteral("SELECT %1 FROM timeline_entry WHERE id = ?").arg(EntryColumns), {entryId});
    if (!current)
        return current.error();
    if (!current->next())
        return {StoreError::Code::NotFound, tr("There is no timeline entry #%1.").arg(entryId)};
    const TimelineEntry before = readEntry(*current);
    current->finish();

    TimelineEntry after = before;
    if (amendment.kind)
        after.kind = *amendment.kind;
    if (amendment.text)
        after.text = amendment.text->trimmed();
    if (amendment.occurredAt)
        after.occurredAt = amendment.occurredAt->toUTC();
    if (amendment.tags)
        after.tags = *amendment.tags;
    if (amendment.keyEvent)
        after.keyEvent = *amendment.keyEvent;
    if (amendment.retracted)
        after.retracted = *amendment.retracted;
    if (after.kind == before.kind && after.text == before.text && after.occurredAt == before.occurredAt &&
        after.tags == before.tags && after.keyEvent == before.keyEvent && after.retracted == before.retracted)
        return {}; // nothing to record

    // The reading being replaced is kept whole; the entry row then holds the new reading.
    if (StoreError error =
            tx.run(QStringLiteral("INSERT INTO timeline_revision (entry_id, revision, superseded_at, superseded_by, "
                                  "kind, occurred_at, body, tags, key_event, retracted) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {entryId, before.revision, toMs(now), author.trimmed(), EntryVocabulary::kindKey(before.kind),
                    toMs(before.occurredAt), before.text, joinWords(before.tags), before.keyEvent ? 1 : 0,
                    before.retracted ? 1 : 0}))
        return error;
    if (StoreError error =
            tx.run(QStringLiteral("UPDATE timeline_entry SET kind = ?, occurred_at = ?, body = ?, tags = ?, "
                                  "key_event = ?, retracted = ?, revision = ? WHERE id = ?"),
                   {EntryVocabulary::kindKey(after.kind), toMs(after.occurredAt), after.text, joinWords(after.tags),
                    after.keyEvent ? 1 : 0, after.retracted ? 1 : 0, before.revision + 1, entryId}))
        return error;
    if (StoreError error = logChange(tx, QStringLiteral("entry"), entryId, before.incidentId, QStringLiteral("update")))
        return error;
    return finish(tx);
}

StoreError IncidentStore::setRetracted(qint64 entryId, bool retracted, const QString &author)
{
    EntryAmendment amendment;
    amendment.retracted = retracted;
    return amendEntry(entryId, amendment, author);
}

Result<TimelineEntry> IncidentStore::entry(qint64 entryId) const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
    auto q = runStatement(m_db, QStringLiteral("SELECT %1 FROM timeline_entry WHERE id = ?").arg(EntryColumns),
                          {entryId}, tr("Reading entry #%1").arg(entryId));
    if (!q)
        return q.error();
    if (!q->next())
        return StoreError(StoreError::Code::NotFound, tr("There is no timeline entry #%1.").arg(entryId));
    return readEntry(*q);
}

Result<QList<EntryRevision>> IncidentStore::entryHistory(qint64 entryId) const
{
    auto current = entry(entryId);
    if (!current)
        return current.error();
    auto q =
        runStatement(m_db,
                     QStringLiteral("SELECT revision, superseded_at, superseded_by, kind, occurred_at, body, tags, "
                                    "key_event, retracted FROM timeline_revision WHERE entry_id = ? "
                                    "ORDER BY revision"),
                     {entryId}, tr("Reading the history of entry #%1").arg(entryId));
    if (!q)
        return q.error();
    QList<EntryRevision> history;
    while (q->next()) {
        EntryRevision revision;
        revision.entry = *current;
        revision.entry.revision = q->value(0).toInt();
        revision.supersededAt = fromMs(q->value(1));
        revision.supersededBy = q->value(2).toString();
        revision.entry.kind = EntryVocabulary::kindFromKey(q->value(3).toString()).value_or(EntryKind::Note);
        revision.entry.occurredAt = fromMs(q->value(4));
        revision.entry.text = q->value(5).toString();
        revision.entry.tags = splitWords(q->value(6).toString());
        revision.entry.keyEvent = q->value(7).toInt() != 0;
        revision.entry.retracted = q->value(8).toInt() != 0;
        history << revision;
    }
    history << EntryRevision{*current, {}, {}};
    return history;
}

Result<QList<TimelineEntry>> IncidentStore::entries(const TimelinePage &page) const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
    QVariantList values{page.incidentId};
    QString sql = QStringLiteral("SELECT %1 FROM timeline_entry WHERE incident_id = ?").arg(EntryColumns);
    const QString after = page.oldestFirst ? QStringLiteral(">") : QStringLiteral("<");
    if (page.hasCursor) {
        sql += QStringLiteral(" AND (occurred_at %1 ? OR (occurred_at = ? AND id %1 ?))").arg(after);
        values << page.cursorOccurredMs << page.cursorOccurredMs << page.cursorId;
    }
    sql += filterSql(page.filter, m_dialect, values);
    sql += page.oldestFirst ? QStringLiteral(" ORDER BY occurred_at, id LIMIT ?")
                            : QStringLiteral(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
    values << qMax(1, page.limit);
    auto q = runStatement(m_db, sql, values, tr("Reading the timeline"));
    if (!q)
        return q.error();
    QList<TimelineEntry> list;
    list.reserve(page.limit);
    while (q->next())
        list << readEntry(*q);
    return list;
}

Result<bool> IncidentStore::entryMatches(qint64 entryId, const TimelineFilter &filter) const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
    QVariantList values{entryId};
    const QString sql =
        QStringLiteral("SELECT 1 FROM timeline_entry WHERE id = ?") + filterSql(filter, m_dialect, values);
    auto q = runStatement(m_db, sql, values, tr("Filtering the timeline"));
    if (!q)
        return q.error();
    return q->next();
}

Result<QStringList> IncidentStore::authors(qint64 incidentId) const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
    auto q = runStatement(
        m_db, QStringLiteral("SELECT DISTINCT author FROM timeline_entry WHERE incident_id = ? ORDER BY author"),
        {incidentId}, tr("Listing authors"));
    if (!q)
        return q.error();
    QStringList list;
    while (q->next())
        list << q->value(0).toString();
    return list;
}

StoreError IncidentStore::limitPagesForTesting(qint64 maxPages)
{
    if (StoreError error = requireWritable())
        return error;
    // PRAGMAs take no bound values; this is an integer of ours. 0 lifts the limit (SQLite keeps
    // the largest it can, about 4 billion pages).
    const qint64 pages = maxPages > 0 ? maxPages : 4294967294LL;
    auto done =
        runStatement(m_db, QStringLiteral("PRAGMA max_page_count = %1").arg(pages), {}, tr("Limiting the file size"));
    return done ? StoreError() : done.error();
}

Result<QStringList> IncidentStore::integrityProblems() const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
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

Result<IncidentStore::Stats> IncidentStore::stats() const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
    Stats stats;
    auto count = [this](const QString &sql) -> Result<qint64> {
        auto q = runStatement(m_db, sql, {}, tr("Counting"));
        if (!q)
            return q.error();
        q->next();
        return q->value(0).toLongLong();
    };
    auto version = count(QStringLiteral("PRAGMA user_version"));
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

Result<QVariantMap> IncidentStore::connectionSettings() const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("No database is open."));
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

void IncidentStore::setExternalPollInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_pollTimer.stop();
        return;
    }
    m_pollTimer.start(milliseconds);
}

void IncidentStore::checkExternalCommits()
{
    if (!isOpen())
        return;
    const QString counter = m_dialect.externalCommitCounter();
    if (counter.isEmpty())
        return;
    auto q = runStatement(m_db, counter, {}, QString());
    if (!q || !q->next())
        return; // a busy moment; the next tick looks again
    const qint64 version = q->value(0).toLongLong();
    q->finish();
    if (version == m_dataVersion)
        return;
    const bool first = m_dataVersion < 0;
    m_dataVersion = version;
    if (!first)
        dispatchChanges();
}

void IncidentStore::dispatchChanges()
{
    if (!isOpen())
        return;
    struct Change
    {
        QString entity;
        qint64 entityId;
        qint64 incidentId;
        QString op;
    };
    QList<Change> changes;
    {
        auto q = runStatement(m_db,
                              QStringLiteral("SELECT seq, entity, entity_id, incident_id, op FROM change_log "
                                             "WHERE seq > ? ORDER BY seq"),
                              {m_lastSeenChange}, QString());
        if (!q)
            return; // looked at again on the next commit or poll
        while (q->next()) {
            m_lastSeenChange = q->value(0).toLongLong();
            changes.append(
                {q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toLongLong(), q->value(4).toString()});
        }
    }

    // A flood of entry changes for one incident (a bulk import, a long disconnection) becomes a reload.
    QHash<qint64, int> entryChangesPerIncident;
    for (const Change &c : std::as_const(changes)) {
        if (c.entity == QLatin1String("entry"))
            ++entryChangesPerIncident[c.incidentId];
    }
    QSet<qint64> reloaded;
    for (const Change &c : std::as_const(changes)) {
        if (c.entity == QLatin1String("incident")) {
            if (c.op == QLatin1String("insert"))
                emit incidentAdded(c.entityId);
            else
                emit incidentChanged(c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("role")) {
            emit roleChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("timer")) {
            emit timerChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("business")) {
            emit businessChanged(c.incidentId);
            continue;
        }
        if (c.entity == QLatin1String("activity")) {
            emit activityChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("message")) {
            emit messageChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("notice")) {
            emit noticeChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("inbound")) {
            emit inboundChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("rollcall")) {
            emit rollCallChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("rollcall_item")) {
            emit rollCallItemChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("action")) {
            emit actionChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("decision")) {
            emit decisionChanged(c.incidentId, c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("person")) {
            emit personChanged(c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("department")) {
            emit departmentChanged(c.entityId);
            continue;
        }
        if (c.entity == QLatin1String("postmortem")) {
            emit postmortemChanged(c.incidentId);
            continue;
        }
        const bool reload =
            c.entity == QLatin1String("timeline") || entryChangesPerIncident.value(c.incidentId) > BulkThreshold;
        if (reload) {
            if (!reloaded.contains(c.incidentId)) {
                reloaded.insert(c.incidentId);
                emit timelineReloaded(c.incidentId);
            }
            continue;
        }
        if (c.op == QLatin1String("insert"))
            emit entryAdded(c.incidentId, c.entityId);
        else
            emit entryChanged(c.incidentId, c.entityId);
    }
}

} // namespace cp
