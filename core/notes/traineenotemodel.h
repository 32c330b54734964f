#pragma once

#include "traineenotes.h"

#include <QAbstractListModel>
#include <QSet>
#include <QTimeZone>

namespace cp {

// The trainee's notes of one incident, oldest moment first. A note added, edited or deleted
// inserts, updates or removes just its row.
class TraineeNoteModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraineeNoteModel)

public:
    enum Role
    {
        NoteIdRole = Qt::UserRole + 1,
        MomentRole,  // QDateTime UTC
        EntryIdRole, // qint64
        TextRole,
    };

    explicit TraineeNoteModel(TraineeNotes &notes, QObject *parent = nullptr);

    void setIncident(const QString &databaseKey, qint64 incidentId);
    QString databaseKey() const { return m_databaseKey; }
    qint64 incidentId() const { return m_incidentId; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    TraineeNote noteAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 noteId) const;
    // The moments (ms since the epoch, UTC) that have a note: the timeline marks them.
    QSet<qint64> notedMoments() const;
    QStringList notesAt(const QDateTime &momentUtc) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void momentsChanged();

private:
    void onAdded(const cp::TraineeNote &note);
    void onChanged(const cp::TraineeNote &note);
    void onRemoved(qint64 noteId);
    int insertionRow(const TraineeNote &note) const;

    TraineeNotes &m_notes;
    QString m_databaseKey;
    qint64 m_incidentId = 0;
    QList<TraineeNote> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
