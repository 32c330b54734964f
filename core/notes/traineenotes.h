#pragma once

#include "db/localsqlitefile.h"
#include "db/storeerror.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>

namespace cp {

class Clock;

// A trainee's private note pinned to a moment of an incident's timeline.
struct TraineeNote
{
    qint64 id = 0;
    QString databaseKey; // the incident database's absolute path: which file the incident lives in
    qint64 incidentId = 0;
    QDateTime momentUtc; // the timeline moment it belongs to (the entry's occurred time)
    qint64 entryId = 0;  // the entry it was pinned beside; 0: a bare moment
    QString text;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// The trainee's notebook: its own small SQLite file in the user's data folder, never a table of
// the incident database (a follower never writes there, and the notes are nobody's record but
// the trainee's). Notes of the same incident show in the live follow view and in its replay.
class TraineeNotes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraineeNotes)

public:
    explicit TraineeNotes(const Clock &clock, QObject *parent = nullptr);
    ~TraineeNotes() override;

    static QString defaultPath(); // <data dir>/trainee-notes.sqlite
    StoreError open(const QString &path);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.path(); }

    Result<qint64> add(const TraineeNote &note);
    StoreError update(qint64 noteId, const QString &text);
    StoreError remove(qint64 noteId);
    Result<TraineeNote> note(qint64 noteId) const;
    // Oldest moment first.
    Result<QList<TraineeNote>> notes(const QString &databaseKey, qint64 incidentId) const;

signals:
    void noteAdded(const cp::TraineeNote &note);
    void noteChanged(const cp::TraineeNote &note);
    void noteRemoved(qint64 noteId);

private:
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values, const QString &doing) const;

    const Clock &m_clock;
    LocalSqliteFile m_file;
};

} // namespace cp
