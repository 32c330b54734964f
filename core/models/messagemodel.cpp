#include "messagemodel.h"

#include "db/incidentstore.h"

namespace cp {

MessageModel::MessageModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.business(), &BusinessRepository::messageChanged, this,
            [this](qint64 incidentId, qint64 messageId) {
                if (incidentId == m_incidentId)
                    updateMessage(messageId);
            });
}

void MessageModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_rows.clear();
    if (incidentId > 0 && m_store.session().isOpen()) {
        if (auto list = m_store.business().messages(incidentId))
            m_rows = *list;
    }
    endResetModel();
}

int MessageModel::rowOf(qint64 messageId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == messageId)
            return row;
    }
    return -1;
}

void MessageModel::updateMessage(qint64 messageId)
{
    auto loaded = m_store.business().message(messageId);
    if (!loaded)
        return;
    Message m = *loaded;
    m.earlier.clear(); // the list shows the current version; message() has the history
    m.steps.clear();
    const int row = rowOf(messageId);
    if (row < 0) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(m);
        endInsertRows();
    } else {
        m_rows[row] = m;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QString MessageModel::stateText(const Message &m)
{
    if (m.isSent())
        return tr("Sent");
    if (m.changesRequested())
        return tr("Changes requested");
    return BusinessVocabulary::stepLabel(m.waitingFor);
}

QString MessageModel::stateKey(const Message &m)
{
    if (m.changesRequested())
        return QStringLiteral("changes");
    return BusinessVocabulary::stepKey(m.waitingFor);
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return QStringLiteral("#%1").arg(m.id);
        case AudienceColumn:
            return BusinessVocabulary::audienceLabel(m.audience);
        case PhaseColumn:
            return BusinessVocabulary::phaseLabel(m.phase);
        case ChannelColumn:
            return m.channel;
        case StepColumn:
            return stateText(m);
        case WhoColumn:
            if (m.isSent())
                return QString();
            return BusinessVocabulary::stepRoleTitle(m.waitingFor);
        case VersionColumn:
            return QStringLiteral("v%1").arg(m.version);
        case UpdatedColumn:
            return m.updatedAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm"));
        }
        break;
    case Qt::ToolTipRole:
        return m.text;
    case MessageIdRole:
        return m.id;
    case StepRole:
        return static_cast<int>(m.waitingFor);
    case StepKeyRole:
        return stateKey(m);
    case ProgressRole:
        return m.changesRequested() ? 0 : static_cast<int>(m.waitingFor);
    case AudienceKeyRole:
        return m.audience;
    case PhaseKeyRole:
        return m.phase;
    case TextRole:
        return m.text;
    default:
        break;
    }
    return {};
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("#");
    case AudienceColumn:
        return tr("Audience");
    case PhaseColumn:
        return tr("Phase");
    case ChannelColumn:
        return tr("Channel");
    case StepColumn:
        return tr("Waiting for");
    case WhoColumn:
        return tr("Who");
    case VersionColumn:
        return tr("Version");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

} // namespace cp
