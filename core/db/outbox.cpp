#include "outbox.h"

#include "server/serveraddress.h"
#include "storevalues.h"

#include <QDir>
#include <QStandardPaths>

namespace cp {

using namespace storevalues;

namespace {

constexpr int OutboxSchemaVersion = 1;
// "CPOB": marks the file as a CommandPost outbox, unlike an incident database or the notes.
constexpr quint32 OutboxApplicationId = 0x43504f42;

const QString Columns = QStringLiteral(
    "seq, client_id, incident_id, kind, author, occurred_at, captured_at, body, tags, key_event, refused");

PendingEntry readPending(const QSqlQuery &q)
{
    PendingEntry p;
    p.seq = q.value(0).toLongLong();
    p.entry.clientId = q.value(1).toString();
    p.entry.incidentId = q.value(2).toLongLong();
    p.entry.kind = EntryVocabulary::kindFromKey(q.value(3).toString()).value_or(EntryKind::Note);
    p.entry.author = q.value(4).toString();
    p.entry.occurredAt = fromMs(q.value(5));
    p.entry.capturedAt = fromMs(q.value(6));
    p.entry.text = q.value(7).toString();
    p.entry.tags = splitWords(q.value(8).toString());
    p.entry.keyEvent = q.value(9).toInt() != 0;
    p.refused = q.value(10).toString();
    return p;
}

} // namespace

Outbox::Outbox(QObject *parent) : QObject(parent) {}

Outbox::~Outbox() = default;

QString Outbox::pathFor(const ServerAddress &address)
{
    QString name = address.keyringKey();
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('.') && c != QLatin1Char('-'))
            c = QLatin1Char('_');
    }
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("outbox/%1.sqlite").arg(name));
}

StoreError Outbox::open(const QString &path)
{
    LocalSqliteFile::Layout layout;
    layout.applicationId = OutboxApplicationId;
    layout.version = OutboxSchemaVersion;
    layout.what = tr("outbox");
    layout.createStatements = {
        QStringLiteral("CREATE TABLE pending_entry (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                       "client_id TEXT NOT NULL UNIQUE, incident_id BIGINT NOT NULL, kind TEXT NOT NULL, "
                       "author TEXT NOT NULL, occurred_at BIGINT NOT NULL, captured_at BIGINT NOT NULL, "
                       "body TEXT NOT NULL, tags TEXT NOT NULL, key_event INTEGER NOT NULL, refused TEXT)"),
    };
    return m_file.open(path, layout);
}

StoreError Outbox::add(const NewEntry &entry)
{
    if (!isOpen())
        return {StoreError::Code::NotOpen, tr("The outbox is not open.")};
    if (entry.clientId.isEmpty() || !entry.occurredAt.isValid() || !entry.capturedAt.isValid())
        return {StoreError::Code::Invalid, tr("An entry waiting to be sent needs its id and both its times.")};
    auto q = m_file.run(QStringLiteral("INSERT INTO pending_entry (client_id, incident_id, kind, author, occurred_at, "
                                       "captured_at, body, tags, key_event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {entry.clientId, entry.incidentId, EntryVocabulary::kindKey(entry.kind), entry.author.trimmed(),
                         toMs(entry.occurredAt), toMs(entry.capturedAt), entry.text.trimmed(), joinWords(entry.tags),
                         entry.keyEvent ? 1 : 0},
                        tr("Keeping the entry on this computer"));
    if (!q)
        return q.error();
    emit changed(entry.incidentId);
    return {};
}

Result<QList<PendingEntry>> Outbox::entries(qint64 incidentId) const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("The outbox is not open."));
    auto q = m_file.run(
        QStringLiteral("SELECT %1 FROM pending_entry WHERE ? = 0 OR incident_id = ? ORDER BY seq").arg(Columns),
        {incidentId, incidentId}, tr("Reading the outbox"));
    if (!q)
        return q.error();
    QList<PendingEntry> list;
    while (q->next())
        list << readPending(*q);
    return list;
}

Result<qint64> Outbox::waiting() const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("The outbox is not open."));
    auto q = m_file.run(QStringLiteral("SELECT COUNT(*) FROM pending_entry WHERE refused IS NULL"), {},
                        tr("Reading the outbox"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

StoreError Outbox::remove(const QString &clientId)
{
    auto incident = m_file.run(QStringLiteral("SELECT incident_id FROM pending_entry WHERE client_id = ?"), {clientId},
                               tr("Reading the outbox"));
    if (!incident)
        return incident.error();
    const qint64 incidentId = incident->next() ? incident->value(0).toLongLong() : 0;
    incident->finish();
    auto q = m_file.run(QStringLiteral("DELETE FROM pending_entry WHERE client_id = ?"), {clientId},
                        tr("Clearing a sent entry from the outbox"));
    if (!q)
        return q.error();
    if (incidentId > 0)
        emit changed(incidentId);
    return {};
}

StoreError Outbox::markRefused(const QString &clientId, const QString &reason)
{
    auto q = m_file.run(QStringLiteral("UPDATE pending_entry SET refused = ? WHERE client_id = ?"),
                        {nonNull(reason), clientId}, tr("Noting a refused entry in the outbox"));
    return q ? StoreError() : q.error();
}

} // namespace cp
