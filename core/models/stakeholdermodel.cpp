#include "stakeholdermodel.h"

#include "db/incidentstore.h"

#include <algorithm>

namespace cp {

bool StakeholderModel::Row::operator==(const Row &other) const
{
    return department == other.department && required == other.required && why == other.why &&
           latest.id == other.latest.id && times == other.times;
}

StakeholderModel::StakeholderModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.business(), &BusinessRepository::noticeChanged, this, [this](qint64 incidentId, qint64) {
        if (incidentId == m_incidentId)
            refresh();
    });
    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            refresh();
    });
    connect(&m_store.roster(), &RosterRepository::departmentChanged, this, [this](qint64) { refresh(); });
}

void StakeholderModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_rows = read();
    endResetModel();
}

QList<StakeholderModel::Row> StakeholderModel::read() const
{
    QList<Row> rows;
    if (m_incidentId <= 0 || !m_store.session().isOpen())
        return rows;
    auto incident = m_store.incidents().incident(m_incidentId);
    auto departments = m_store.roster().departments();
    if (!incident || !departments)
        return rows;
    auto notices = m_store.business().stakeholderNotices(m_incidentId);
    for (const Department &d : std::as_const(*departments)) {
        Row row;
        row.department = d;
        row.required = BusinessVocabulary::mustBeTold(d, incident->kind, incident->severity);
        row.why = row.required ? BusinessVocabulary::departmentReason(d) : QString();
        if (notices) {
            for (const StakeholderNotice &n : std::as_const(*notices)) {
                if (n.departmentKey == d.key) {
                    row.latest = n; // oldest first: the last one wins
                    ++row.times;
                }
            }
        }
        rows << row;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.required && !b.required; });
    return rows;
}

// The list is short (a directory of departments): compare and update only what changed; a
// different set or order of departments (an import, a severity change) is a reset.
void StakeholderModel::refresh()
{
    QList<Row> rows = read();
    bool sameShape = rows.size() == m_rows.size();
    for (int i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows.at(i).department.key == m_rows.at(i).department.key;
    if (!sameShape) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (int i = 0; i < rows.size(); ++i) {
        if (!(rows.at(i) == m_rows.at(i))) {
            m_rows[i] = rows.at(i);
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        }
    }
}

int StakeholderModel::rowOfDepartment(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).department.key == key)
            return i;
    }
    return -1;
}

int StakeholderModel::requiredCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.required; }));
}

int StakeholderModel::requiredToldCount() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.required && r.latest.id > 0; }));
}

int StakeholderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StakeholderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StakeholderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const bool told = r.latest.id > 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DepartmentColumn:
            return r.department.name;
        case WhyColumn:
            return r.required ? r.why : tr("if needed");
        case ToldColumn:
            if (!told)
                return r.required ? tr("not yet") : QString();
            return r.times > 1 ? tr("%1 (%2 times)")
                                     .arg(r.latest.toldAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm")))
                                     .arg(r.times)
                               : r.latest.toldAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm"));
        case ByColumn:
            return told ? r.latest.toldBy : QString();
        case MethodColumn:
            return told ? r.latest.method : QString();
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == DepartmentColumn)
            return told ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (!r.department.primaryContact.isEmpty())
            return tr("Primary contact: %1").arg(r.department.primaryContact);
        break;
    case DepartmentKeyRole:
        return r.department.key;
    case RequiredRole:
        return r.required;
    case ToldRole:
        return told;
    case ToldAtRole:
        return r.latest.toldAt;
    case NoticeIdRole:
        return r.latest.id;
    case ContactRole:
        return r.department.primaryContact;
    default:
        break;
    }
    return {};
}

QVariant StakeholderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DepartmentColumn:
        return tr("Department");
    case WhyColumn:
        return tr("Why");
    case ToldColumn:
        return tr("Told");
    case ByColumn:
        return tr("By");
    case MethodColumn:
        return tr("How");
    }
    return {};
}

} // namespace cp
