#include "notedtimelinemodel.h"

#include "models/timelinemodel.h"
#include "notes/traineenotemodel.h"

namespace cp {

NotedTimelineModel::NotedTimelineModel(QObject *parent) : QIdentityProxyModel(parent) {}

void NotedTimelineModel::setNotes(TraineeNoteModel *notes)
{
    m_notes = notes;
    if (m_notes)
        connect(m_notes, &TraineeNoteModel::momentsChanged, this, &NotedTimelineModel::notesChanged);
    notesChanged();
}

void NotedTimelineModel::notesChanged()
{
    const int rows = rowCount();
    if (rows > 0)
        emit dataChanged(index(0, TimelineModel::TextColumn), index(rows - 1, TimelineModel::TextColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole, NotesRole});
}

QVariant NotedTimelineModel::data(const QModelIndex &index, int role) const
{
    const bool text = index.column() == TimelineModel::TextColumn;
    if (!m_notes || !index.isValid() ||
        (role != NotesRole && !(text && (role == Qt::DisplayRole || role == Qt::ToolTipRole))))
        return QIdentityProxyModel::data(index, role);
    const QStringList notes = m_notes->notesAt(index.data(TimelineModel::OccurredAtRole).toDateTime());
    if (role == NotesRole)
        return notes;
    const QString base = QIdentityProxyModel::data(index, role).toString();
    if (notes.isEmpty())
        return base;
    if (role == Qt::DisplayRole)
        return tr("%1 — note: %2").arg(base, notes.join(QStringLiteral(" · ")));
    return tr("%1\n\nMy notes:\n%2").arg(base, notes.join(QLatin1Char('\n')));
}

} // namespace cp
