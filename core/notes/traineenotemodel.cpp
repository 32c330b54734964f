#include "traineenotemodel.h"

namespace cp {

TraineeNoteModel::TraineeNoteModel(TraineeNotes &notes, QObject *parent) : QAbstractListModel(parent), m_notes(notes)
{
    connect(&m_notes, &TraineeNotes::noteAdded, this, &TraineeNoteModel::onAdded);
    connect(&m_notes, &TraineeNotes::noteChanged, this, &TraineeNoteModel::onChanged);
    connect(&m_notes, &TraineeNotes::noteRemoved, this, &TraineeNoteModel::onRemoved);
}

void TraineeNoteModel::setIncident(const QString &databaseKey, qint64 incidentId)
{
    beginResetModel();
    m_databaseKey = databaseKey;
    m_incidentId = incidentId;
    m_rows.clear();
    if (incidentId > 0 && m_notes.isOpen()) {
        if (auto list = m_notes.notes(databaseKey, incidentId))
            m_rows = *list;
    }
    endResetModel();
    emit momentsChanged();
}

int TraineeNoteModel::rowOf(qint64 noteId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == noteId)
            return row;
    }
    return -1;
}

QSet<qint64> TraineeNoteModel::notedMoments() const
{
    QSet<qint64> moments;
    for (const TraineeNote &n : m_rows)
        moments.insert(n.momentUtc.toMSecsSinceEpoch());
    return moments;
}

QStringList TraineeNoteModel::notesAt(const QDateTime &momentUtc) const
{
    QStringList texts;
    for (const TraineeNote &n : m_rows) {
        if (n.momentUtc == momentUtc)
            texts << n.text;
    }
    return texts;
}

int TraineeNoteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant TraineeNoteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraineeNote &n = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2").arg(n.momentUtc.toTimeZone(m_zone).toString(QStringLiteral("HH:mm:ss")),
                                            n.text);
    case Qt::ToolTipRole:
        return n.text;
    case NoteIdRole:
        return n.id;
    case MomentRole:
        return n.momentUtc;
    case EntryIdRole:
        return n.entryId;
    case TextRole:
        return n.text;
    default:
        return {};
    }
}

int TraineeNoteModel::insertionRow(const TraineeNote &note) const
{
    int row = 0;
    while (row < m_rows.size() && (m_rows.at(row).momentUtc < note.momentUtc ||
                                   (m_rows.at(row).momentUtc == note.momentUtc && m_rows.at(row).id < note.id)))
        ++row;
    return row;
}

void TraineeNoteModel::onAdded(const TraineeNote &note)
{
    if (note.incidentId != m_incidentId || note.databaseKey != m_databaseKey || rowOf(note.id) >= 0)
        return;
    const int row = insertionRow(note);
    beginInsertRows({}, row, row);
    m_rows.insert(row, note);
    endInsertRows();
    emit momentsChanged();
}

void TraineeNoteModel::onChanged(const TraineeNote &note)
{
    const int row = rowOf(note.id);
    if (row < 0)
        return;
    m_rows[row] = note;
    emit dataChanged(index(row), index(row));
    emit momentsChanged();
}

void TraineeNoteModel::onRemoved(qint64 noteId)
{
    const int row = rowOf(noteId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    emit momentsChanged();
}

} // namespace cp
