#include "audiencephasemodel.h"

#include "db/incidentstore.h"

namespace cp {

bool AudiencePhaseModel::Snapshot::operator==(const Snapshot &other) const
{
    if (audiences != other.audiences || currentPhase != other.currentPhase || nextDue != other.nextDue)
        return false;
    for (int a = 0; a < cells.size(); ++a) {
        for (int p = 0; p < cells.at(a).size(); ++p) {
            const Cell &x = cells.at(a).at(p);
            const Cell &y = other.cells.at(a).at(p);
            if (x.state != y.state || x.messageId != y.messageId || x.tip != y.tip)
                return false;
        }
    }
    return true;
}

AudiencePhaseModel::AudiencePhaseModel(IncidentStore &store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    const auto mine = [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            refresh();
    };
    connect(&m_store.business(), &BusinessRepository::businessChanged, this, mine);
    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, mine);
    connect(&m_store.business(), &BusinessRepository::messageChanged, this,
            [mine](qint64 incidentId, qint64) { mine(incidentId); });
}

void AudiencePhaseModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_now = m_store.session().clock().nowUtc();
    const Snapshot s = read();
    m_audiences = s.audiences;
    m_currentPhase = s.currentPhase;
    m_cells = s.cells;
    m_nextDue = s.nextDue;
    endResetModel();
}

AudiencePhaseModel::Snapshot AudiencePhaseModel::read() const
{
    Snapshot s;
    if (m_incidentId <= 0 || !m_store.session().isOpen())
        return s;
    auto mode = m_store.business().mode(m_incidentId);
    if (!mode || !mode->has_value())
        return s;
    const BusinessMode &bm = **mode;
    s.audiences = bm.audiences;
    auto incident = m_store.incidents().incident(m_incidentId);
    s.currentPhase = BusinessVocabulary::phaseForStatus(incident ? incident->status : IncidentStatus::Investigating);
    const QStringList phases = BusinessVocabulary::allPhases();
    const int current = int(phases.indexOf(s.currentPhase));
    // A resolved incident's record is closed: nothing more goes out, nothing more is due.
    const bool closed = incident && incident->isResolved();
    auto readMessages = m_store.business().messages(m_incidentId);
    auto readSkipped = m_store.business().skippedCells(m_incidentId);
    const QList<Message> messages = readMessages ? *readMessages : QList<Message>();
    const QList<SkippedCell> skipped = readSkipped ? *readSkipped : QList<SkippedCell>();
    for (const QString &audience : std::as_const(s.audiences)) {
        QList<Cell> row;
        QDateTime lastSent;
        for (int p = 0; p < phases.size(); ++p) {
            Cell cell;
            for (const Message &m : messages) {
                if (m.audience == audience && m.phase == phases.at(p)) {
                    cell.messageId = m.id;
                    cell.state = m.isSent()                                               ? QStringLiteral("sent")
                                 : m.changesRequested()                                   ? QStringLiteral("changes")
                                 : int(m.waitingFor) >= int(MessageStep::IcAuthorisation) ? QStringLiteral("approved")
                                                                                          : QStringLiteral("drafted");
                    cell.tip =
                        tr("Message #%1 (v%2): %3")
                            .arg(m.id)
                            .arg(m.version)
                            .arg(m.isSent() ? tr("sent") : BusinessVocabulary::stepLabel(m.waitingFor).toLower());
                    if (m.isSent() && (!lastSent.isValid() || m.sentAt > lastSent))
                        lastSent = m.sentAt;
                }
            }
            if (cell.messageId == 0) {
                for (const SkippedCell &sc : skipped) {
                    if (sc.audience == audience && sc.phase == phases.at(p)) {
                        cell.state = QStringLiteral("skipped");
                        cell.tip = tr("Skipped by %1: %2").arg(sc.skippedBy, sc.reason);
                    }
                }
            }
            if (cell.state.isEmpty())
                // An audience left without a message in a phase that is over missed it.
                cell.state = p < current || closed ? QStringLiteral("missed")
                             : p == current        ? QStringLiteral("due")
                                                   : QStringLiteral("upcoming");
            row << cell;
        }
        s.cells << row;
        QDateTime due;
        if (bm.state != BusinessState::Normal && !closed)
            due = (lastSent.isValid() ? lastSent : bm.declaredAt)
                      .addMSecs(BusinessVocabulary::updateIntervalMs(audience));
        s.nextDue << due;
    }
    return s;
}

void AudiencePhaseModel::refresh()
{
    m_now = m_store.session().clock().nowUtc();
    const Snapshot s = read();
    if (s.audiences != m_audiences) {
        beginResetModel(); // an audience added or removed: rare
        m_audiences = s.audiences;
        m_currentPhase = s.currentPhase;
        m_cells = s.cells;
        m_nextDue = s.nextDue;
        endResetModel();
        return;
    }
    const bool phaseMoved = s.currentPhase != m_currentPhase;
    m_currentPhase = s.currentPhase;
    for (int a = 0; a < m_cells.size(); ++a) {
        for (int p = 0; p < m_cells.at(a).size(); ++p) {
            const Cell &was = m_cells.at(a).at(p);
            const Cell &now = s.cells.at(a).at(p);
            if (phaseMoved || was.state != now.state || was.messageId != now.messageId || was.tip != now.tip) {
                m_cells[a][p] = now;
                emit dataChanged(index(a, p), index(a, p));
            }
        }
        if (m_nextDue.at(a) != s.nextDue.at(a)) {
            m_nextDue[a] = s.nextDue.at(a);
            emit dataChanged(index(a, NextUpdateColumn), index(a, NextUpdateColumn));
        }
    }
    if (phaseMoved)
        emit headerDataChanged(Qt::Horizontal, InvestigationColumn, ResolutionColumn);
}

void AudiencePhaseModel::refreshNow()
{
    m_now = m_store.session().clock().nowUtc();
    if (!m_audiences.isEmpty())
        emit dataChanged(index(0, NextUpdateColumn), index(rowCount() - 1, NextUpdateColumn));
}

QString AudiencePhaseModel::cellState(const QString &audience, const QString &phase) const
{
    const int a = int(m_audiences.indexOf(audience));
    const int p = int(BusinessVocabulary::allPhases().indexOf(phase));
    if (a < 0 || p < 0)
        return {};
    return m_cells.at(a).at(p).state;
}

QString AudiencePhaseModel::stateLabel(const QString &stateKey)
{
    if (stateKey == QLatin1String("upcoming"))
        return tr("upcoming");
    if (stateKey == QLatin1String("due"))
        return tr("due");
    if (stateKey == QLatin1String("missed"))
        return tr("missed");
    if (stateKey == QLatin1String("drafted"))
        return tr("in review");
    if (stateKey == QLatin1String("changes"))
        return tr("changes");
    if (stateKey == QLatin1String("approved"))
        return tr("approved");
    if (stateKey == QLatin1String("sent"))
        return tr("sent");
    if (stateKey == QLatin1String("skipped"))
        return tr("skipped");
    return stateKey;
}

int AudiencePhaseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_audiences.size());
}

int AudiencePhaseModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AudiencePhaseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int a = index.row();
    const QString audience = m_audiences.at(a);
    if (index.column() == NextUpdateColumn) {
        const QDateTime due = m_nextDue.at(a);
        const bool overdue = due.isValid() && m_now >= due;
        switch (role) {
        case Qt::DisplayRole:
            if (!due.isValid())
                return QString();
            return overdue ? tr("overdue since %1").arg(due.toTimeZone(m_zone).toString(QStringLiteral("HH:mm")))
                           : tr("by %1").arg(due.toTimeZone(m_zone).toString(QStringLiteral("HH:mm")));
        case CellStateRole:
            return !due.isValid() ? QString() : overdue ? QStringLiteral("overdue") : QStringLiteral("due");
        case NextDueRole:
            return due;
        case OverdueRole:
            return overdue;
        case AudienceKeyRole:
            return audience;
        case PhaseKeyRole:
            return QString();
        case CurrentPhaseRole:
            return false;
        case MessageIdRole:
            return qint64(0);
        default:
            return {};
        }
    }
    const Cell &cell = m_cells.at(a).at(index.column());
    const QString phase = BusinessVocabulary::allPhases().at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return cell.messageId > 0 ? QStringLiteral("%1 #%2").arg(stateLabel(cell.state)).arg(cell.messageId)
                                  : stateLabel(cell.state);
    case Qt::ToolTipRole:
        return cell.tip.isEmpty() ? QVariant() : QVariant(cell.tip);
    case CellStateRole:
        return cell.state;
    case MessageIdRole:
        return cell.messageId;
    case AudienceKeyRole:
        return audience;
    case PhaseKeyRole:
        return phase;
    case CurrentPhaseRole:
        return phase == m_currentPhase;
    default:
        break;
    }
    return {};
}

QVariant AudiencePhaseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_audiences.size()
                   ? QVariant(BusinessVocabulary::audienceLabel(m_audiences.at(section)))
                   : QVariant();
    if (section == NextUpdateColumn)
        return tr("Next update");
    if (section < 0 || section >= NextUpdateColumn)
        return {};
    const QString phase = BusinessVocabulary::allPhases().at(section);
    const QString label = BusinessVocabulary::phaseLabel(phase);
    return phase == m_currentPhase ? tr("▶ %1").arg(label) : label;
}

} // namespace cp
