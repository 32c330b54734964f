#include "pendingentrymodel.h"

#include <QSet>

namespace cp {

PendingEntryModel::PendingEntryModel(const Outbox &outbox, QObject *parent)
    : QAbstractTableModel(parent), m_outbox(outbox)
{
    connect(&m_outbox, &Outbox::changed, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            refresh();
    });
}

void PendingEntryModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_rows.clear();
    if (incidentId > 0) {
        if (auto rows = m_outbox.entries(incidentId))
            m_rows = *rows;
    }
    endResetModel();
}

// The outbox only appends (a new entry) and removes (one sent): rows gone are removed where they
// are, new ones appended, each announced alone.
void PendingEntryModel::refresh()
{
    auto now = m_outbox.entries(m_incidentId);
    if (!now)
        return;
    QHash<qint64, PendingEntry> current;
    for (const PendingEntry &p : std::as_const(*now))
        current.insert(p.seq, p);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (current.contains(m_rows.at(row).seq))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    QSet<qint64> shown;
    for (int row = 0; row < m_rows.size(); ++row) {
        const PendingEntry &fresh = current.value(m_rows.at(row).seq);
        shown.insert(fresh.seq);
        if (fresh.refused != m_rows.at(row).refused) {
            m_rows[row] = fresh;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    for (const PendingEntry &p : std::as_const(*now)) {
        if (shown.contains(p.seq))
            continue;
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(p);
        endInsertRows();
    }
}

int PendingEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PendingEntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PendingEntry &p = m_rows.at(index.row());
    const QString state =
        p.refused.isEmpty() ? tr("pending — not on the server yet") : tr("refused by the server: %1").arg(p.refused);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimelineModel::TimeColumn:
            return p.entry.occurredAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm:ss"));
        case TimelineModel::KindColumn:
            return EntryVocabulary::kindLabel(p.entry.kind);
        case TimelineModel::AuthorColumn:
            return p.entry.author;
        case TimelineModel::TextColumn:
            return p.entry.text;
        case StateColumn:
            return state;
        }
        return {};
    case Qt::ToolTipRole:
        return tr("Kept on this computer at %1; %2")
            .arg(p.entry.capturedAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm:ss t")), state);
    case ClientIdRole:
        return p.entry.clientId;
    case RefusedRole:
        return !p.refused.isEmpty();
    }
    return {};
}

QVariant PendingEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    // The timeline's titles for the columns both have.
    if (section == StateColumn)
        return tr("State");
    return TimelineModel::columnTitle(section);
}

} // namespace cp
