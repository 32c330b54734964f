#include "traineenotes.h"

#include "db/storevalues.h"
#include "domain/clock.h"

#include <QDir>
#include <QSqlQuery>
#include <QStandardPaths>

namespace cp {

using namespace storevalues;

namespace {

constexpr int NotesSchemaVersion = 1;
// "CPTN": marks the file as CommandPost trainee notes, unlike an incident database.
constexpr quint32 NotesApplicationId = 0x4350544e;
const QString NoteColumns =
    QStringLiteral("id, database_key, incident_id, moment_at, entry_id, body, created_at, updated_at");

TraineeNote readNote(const QSqlQuery &q)
{
    TraineeNote n;
    n.id = q.value(0).toLongLong();
    n.databaseKey = q.value(1).toString();
    n.incidentId = q.value(2).toLongLong();
    n.momentUtc = fromMs(q.value(3));
    n.entryId = q.value(4).toLongLong();
    n.text = q.value(5).toString();
    n.createdAt = fromMs(q.value(6));
    n.updatedAt = fromMs(q.value(7));
    return n;
}

} // namespace

TraineeNotes::TraineeNotes(const Clock &clock, QObject *parent) : QObject(parent), m_clock(clock) {}

TraineeNotes::~TraineeNotes() = default;

QString TraineeNotes::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("trainee-notes.sqlite"));
}

Result<QSqlQuery> TraineeNotes::run(const QString &sql, const QVariantList &values, const QString &doing) const
{
    return m_file.run(sql, values, doing);
}

StoreError TraineeNotes::open(const QString &path)
{
    LocalSqliteFile::Layout layout;
    layout.applicationId = NotesApplicationId;
    layout.version = NotesSchemaVersion;
    layout.what = tr("notes");
    layout.createStatements = {
        QStringLiteral("CREATE TABLE note (id INTEGER PRIMARY KEY, database_key TEXT NOT NULL, "
                       "incident_id BIGINT NOT NULL, moment_at BIGINT NOT NULL, entry_id BIGINT NOT NULL DEFAULT 0, "
                       "body TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX note_by_incident ON note (database_key, incident_id, moment_at)"),
    };
    return m_file.open(path, layout);
}

Result<qint64> TraineeNotes::add(const TraineeNote &note)
{
    const QString text = note.text.trimmed();
    if (text.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("A note needs text."));
    if (!note.momentUtc.isValid() || note.incidentId <= 0 || note.databaseKey.isEmpty())
        return StoreError(StoreError::Code::Invalid, tr("A note belongs to a moment of an incident."));
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("The notes are not open."));
    const qint64 now = toMs(m_clock.nowUtc());
    auto q = run(QStringLiteral("INSERT INTO note (database_key, incident_id, moment_at, entry_id, body, created_at, "
                                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                 {note.databaseKey, note.incidentId, toMs(note.momentUtc), note.entryId, text, now, now},
                 tr("Saving the note"));
    if (!q)
        return q.error();
    const qint64 id = q->lastInsertId().toLongLong();
    if (auto saved = this->note(id))
        emit noteAdded(*saved);
    return id;
}

StoreError TraineeNotes::update(qint64 noteId, const QString &text)
{
    if (text.trimmed().isEmpty())
        return {StoreError::Code::Invalid, tr("A note needs text; delete it instead.")};
    if (!isOpen())
        return {StoreError::Code::NotOpen, tr("The notes are not open.")};
    auto q = run(QStringLiteral("UPDATE note SET body = ?, updated_at = ? WHERE id = ?"),
                 {text.trimmed(), toMs(m_clock.nowUtc()), noteId}, tr("Saving the note"));
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return {StoreError::Code::NotFound, tr("There is no note #%1.").arg(noteId)};
    if (auto saved = note(noteId))
        emit noteChanged(*saved);
    return {};
}

StoreError TraineeNotes::remove(qint64 noteId)
{
    if (!isOpen())
        return {StoreError::Code::NotOpen, tr("The notes are not open.")};
    auto q = run(QStringLiteral("DELETE FROM note WHERE id = ?"), {noteId}, tr("Deleting the note"));
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return {StoreError::Code::NotFound, tr("There is no note #%1.").arg(noteId)};
    emit noteRemoved(noteId);
    return {};
}

Result<TraineeNote> TraineeNotes::note(qint64 noteId) const
{
    auto q = run(QStringLiteral("SELECT %1 FROM note WHERE id = ?").arg(NoteColumns), {noteId}, tr("Reading a note"));
    if (!q)
        return q.error();
    if (!q->next())
        return StoreError(StoreError::Code::NotFound, tr("There is no note #%1.").arg(noteId));
    return readNote(*q);
}

Result<QList<TraineeNote>> TraineeNotes::notes(const QString &databaseKey, qint64 incidentId) const
{
    if (!isOpen())
        return StoreError(StoreError::Code::NotOpen, tr("The notes are not open."));
    auto q = run(QStringLiteral("SELECT %1 FROM note WHERE database_key = ? AND incident_id = ? ORDER BY moment_at, id")
                     .arg(NoteColumns),
                 {databaseKey, incidentId}, tr("Reading the notes"));
    if (!q)
        return q.error();
    QList<TraineeNote> list;
    while (q->next())
        list << readNote(*q);
    return list;
}

} // namespace cp
