#include "timermodel.h"

#include "db/incidentstore.h"

#include <algorithm>
#include <tuple>

namespace cp {

namespace {

int urgencyGroup(const Timer &t, TimerPhase phase)
{
    switch (phase) {
    case TimerPhase::Expired:
        return 0;
    case TimerPhase::DueSoon:
        return 1;
    case TimerPhase::Running:
        return t.hasDeadline() ? 2 : 3;
    case TimerPhase::Paused:
        return 4;
    case TimerPhase::Acknowledged:
        return 5;
    case TimerPhase::Cancelled:
        return 6;
    }
    return 7;
}

// Within a group the order does not change as time passes (every deadline comes nearer at the
// same pace), so rows move only when a phase changes or the store changes a timer.
qint64 urgencyValue(const Timer &t, TimerPhase phase)
{
    switch (phase) {
    case TimerPhase::Expired:
    case TimerPhase::DueSoon:
        return t.deadlineAt.toMSecsSinceEpoch();
    case TimerPhase::Running:
        return t.hasDeadline() ? t.deadlineAt.toMSecsSinceEpoch() : t.anchorAt.toMSecsSinceEpoch();
    case TimerPhase::Paused:
        return t.pausedMs;
    case TimerPhase::Acknowledged:
    case TimerPhase::Cancelled:
        return 0;
    }
    return 0;
}

QString floorClock(qint64 ms)
{
    return TimerVocabulary::clockText(qMax<qint64>(0, ms) / 1000 * 1000);
}

} // namespace

TimerModel::TimerModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.timers(), &TimerRepository::timerChanged, this, [this](qint64 incidentId, qint64 timerId) {
        if (incidentId == m_incidentId)
            updateTimer(timerId);
    });
    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, [this](qint64 incidentId) {
        if (incidentId != m_incidentId)
            return;
        auto incident = m_store.incidents().incident(incidentId);
        if (incident && incident->isResolved() != m_closed)
            setIncident(incidentId);
    });
}

TimerPhase TimerModel::phaseOf(const Timer &timer) const
{
    return m_closed && timer.isLive() ? TimerPhase::Cancelled : timer.phaseAt(m_now);
}

void TimerModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_rows.clear();
    m_now = m_store.session().clock().nowUtc();
    m_closed = false;
    if (incidentId > 0 && m_store.session().isOpen()) {
        if (auto incident = m_store.incidents().incident(incidentId))
            m_closed = incident->isResolved();
        if (auto timers = m_store.timers().list(incidentId)) {
            for (const Timer &t : *timers)
                m_rows.append({t, phaseOf(t)});
            std::stable_sort(m_rows.begin(), m_rows.end(),
                             [this](const Row &a, const Row &b) { return moreUrgent(a, b); });
        }
    }
    endResetModel();
    updateNextDue();
}

bool TimerModel::moreUrgent(const Row &a, const Row &b) const
{
    return std::make_tuple(urgencyGroup(a.timer, a.phase), urgencyValue(a.timer, a.phase), a.timer.id) <
           std::make_tuple(urgencyGroup(b.timer, b.phase), urgencyValue(b.timer, b.phase), b.timer.id);
}

void TimerModel::reorder()
{
    QList<Row> wanted = m_rows;
    std::stable_sort(wanted.begin(), wanted.end(), [this](const Row &a, const Row &b) { return moreUrgent(a, b); });
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).timer.id == wanted.at(i).timer.id)
            continue;
        int from = i + 1;
        while (m_rows.at(from).timer.id != wanted.at(i).timer.id)
            ++from;
        beginMoveRows({}, from, from, {}, i);
        m_rows.move(from, i);
        endMoveRows();
    }
}

void TimerModel::refreshRemaining()
{
    if (m_rows.isEmpty())
        return;
    m_now = m_store.session().clock().nowUtc();
    QList<qint64> changedPhase;
    for (Row &row : m_rows) {
        const TimerPhase phase = phaseOf(row.timer);
        if (phase != row.phase) {
            row.phase = phase;
            changedPhase << row.timer.id;
        }
    }
    if (!changedPhase.isEmpty())
        reorder();
    for (qint64 id : std::as_const(changedPhase)) {
        const int row = rowOf(id);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    emit dataChanged(index(0, RemainingColumn), index(int(m_rows.size()) - 1, RemainingColumn));
    updateNextDue();
}

void TimerModel::updateTimer(qint64 timerId)
{
    auto fresh = m_store.timers().timer(timerId);
    if (!fresh || fresh->incidentId != m_incidentId)
        return;
    m_now = m_store.session().clock().nowUtc();
    Row updated{*fresh, phaseOf(*fresh)};
    const int row = rowOf(timerId);
    if (row < 0) {
        const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), updated,
                                         [this](const Row &a, const Row &b) { return moreUrgent(a, b); });
        const int position = int(at - m_rows.cbegin());
        beginInsertRows({}, position, position);
        m_rows.insert(position, updated);
        endInsertRows();
        updateNextDue();
        return;
    }
    m_rows[row] = updated;
    reorder();
    const int now = rowOf(timerId);
    emit dataChanged(index(now, 0), index(now, ColumnCount - 1));
    updateNextDue();
}

void TimerModel::updateNextDue()
{
    // The rows are in urgency order: expired (most overdue first), due soon, running.
    QString overdue;
    QString next;
    int overdueCount = 0;
    for (const Row &row : std::as_const(m_rows)) {
        const Timer &t = row.timer;
        if (!t.hasDeadline())
            continue;
        if (row.phase == TimerPhase::Expired) {
            if (overdueCount++ == 0)
                overdue = tr("%1 +%2").arg(t.label, TimerVocabulary::clockText(t.overdueMsAt(m_now) / 1000 * 1000));
        } else if ((row.phase == TimerPhase::DueSoon || row.phase == TimerPhase::Running) && next.isEmpty()) {
            next = tr("Next: %1 in %2").arg(t.label, TimerVocabulary::clockText(t.remainingMsAt(m_now)));
        }
    }
    if (overdueCount > 1)
        overdue = tr("Overdue (%1): %2").arg(overdueCount).arg(overdue);
    else if (overdueCount == 1)
        overdue = tr("Overdue: %1").arg(overdue);
    QStringList parts;
    if (!overdue.isEmpty())
        parts << overdue;
    if (!next.isEmpty())
        parts << next;
    const QString text =
        parts.isEmpty() ? (m_incidentId > 0 ? tr("No timers running") : QString()) : parts.join(QStringLiteral(" · "));
    const bool hasOverdue = overdueCount > 0;
    if (text == m_nextDue && hasOverdue == m_hasOverdue)
        return;
    m_nextDue = text;
    m_hasOverdue = hasOverdue;
    emit nextDueChanged();
}

int TimerModel::rowOf(qint64 timerId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).timer.id == timerId)
            return row;
    }
    return -1;
}

int TimerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimerModel::remainingText(const Row &row) const
{
    const Timer &t = row.timer;
    switch (row.phase) {
    case TimerPhase::Running:
    case TimerPhase::DueSoon:
        return t.hasDeadline() ? TimerVocabulary::clockText(t.remainingMsAt(m_now)) : floorClock(t.elapsedMsAt(m_now));
    case TimerPhase::Expired:
        return QLatin1Char('+') + floorClock(t.overdueMsAt(m_now));
    case TimerPhase::Paused:
        return t.hasDeadline() ? TimerVocabulary::clockText(t.pausedMs) : floorClock(t.pausedMs);
    case TimerPhase::Acknowledged:
    case TimerPhase::Cancelled:
        break;
    }
    return QStringLiteral("—");
}

QVariant TimerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Timer &t = row.timer;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LabelColumn:
            return t.label;
        case KindColumn:
            return TimerVocabulary::kindLabel(t.kind);
        case OwnerColumn:
            return t.ownerRoleKey;
        case RemainingColumn:
            return remainingText(row);
        case StateColumn:
            if (const QDateTime until = t.snoozedUntil(); until.isValid() && row.phase == TimerPhase::Running)
                return tr("Snoozed until %1").arg(until.toTimeZone(m_zone).toString(QStringLiteral("HH:mm")));
            return TimerVocabulary::phaseLabel(row.phase);
        case DeadlineColumn:
            if (t.hasDeadline() && t.deadlineAt.isValid() && t.isLive())
                return t.deadlineAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm:ss"));
            if (!t.hasDeadline() && t.anchorAt.isValid())
                return tr("since %1").arg(t.anchorAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm:ss")));
            return QString();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == RemainingColumn || index.column() == DeadlineColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case TimerIdRole:
        return t.id;
    case KindRole:
        return int(t.kind);
    case StateRole:
        return int(row.phase);
    case PhaseKeyRole:
        return TimerVocabulary::phaseKey(row.phase);
    case RemainingMsRole:
        return t.hasDeadline() ? t.remainingMsAt(m_now) : t.elapsedMsAt(m_now);
    case OverdueRole:
        return t.overdueMsAt(m_now);
    case DeadlineRole:
        return t.deadlineAt;
    case ElapsedMsRole:
        return t.hasDeadline() ? qint64(0) : t.elapsedMsAt(m_now);
    case OwnerRoleKeyRole:
        return t.ownerRoleKey;
    case EntryIdRole:
        return t.entryId;
    default:
        return {};
    }
}

QVariant TimerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LabelColumn:
        return tr("Timer");
    case KindColumn:
        return tr("Kind");
    case OwnerColumn:
        return tr("Owner");
    case RemainingColumn:
        return tr("Remaining");
    case StateColumn:
        return tr("State");
    case DeadlineColumn:
        return tr("Due at");
    default:
        return {};
    }
}

} // namespace cp
