#include "incidenttoolbar.h"

#include "models/incidentlistmodel.h"
#include "widgets/accessiblename.h"
#include "widgets/kindstyle.h"

#include <QComboBox>
#include <QIdentityProxyModel>
#include <QLabel>

namespace cp {

namespace {

// The switcher combo shows "#12 SEV-1 · title" with a severity swatch.
class IncidentLabelProxy final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == IncidentListModel::TitleColumn) {
            const QModelIndex source = mapToSource(index);
            const auto severity = static_cast<Severity>(source.data(IncidentListModel::SeverityRole).toInt());
            if (role == Qt::DisplayRole) {
                return QStringLiteral("#%1  %2 · %3")
                    .arg(source.data(IncidentListModel::IncidentIdRole).toLongLong())
                    .arg(IncidentVocabulary::severityKey(severity), source.data(Qt::DisplayRole).toString());
            }
            if (role == Qt::DecorationRole)
                return KindStyle::swatch(source.data(IncidentListModel::ResolvedRole).toBool()
                                             ? QColor(Qt::gray)
                                             : KindStyle::severityColor(severity));
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

IncidentToolBar::IncidentToolBar(IncidentListModel &incidents, const Actions &actions, QWidget *parent)
    : QToolBar(parent), m_incidents(incidents), m_switchAction(actions.switchIncident)
{
    setObjectName(QStringLiteral("incidentToolBar"));
    setMovable(true);
    setIconSize(QSize(20, 20));
    setToolButtonStyle(Qt::ToolButtonIconOnly);
    addAction(actions.declare);

    m_incidentLabel = addLabel();
    m_incidentCombo = new QComboBox(this);
    m_incidentCombo->setObjectName(QStringLiteral("incidentSwitcherCombo"));
    auto *proxy = new IncidentLabelProxy(m_incidentCombo);
    proxy->setSourceModel(&m_incidents);
    m_incidentCombo->setModel(proxy);
    m_incidentCombo->setModelColumn(IncidentListModel::TitleColumn);
    m_incidentCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_incidentCombo->setMinimumContentsLength(42);
    m_incidentCombo->setFocusPolicy(Qt::ClickFocus);
    addWidget(m_incidentCombo);
    connect(m_incidentCombo, &QComboBox::activated, this, [this](int row) {
        const qint64 id = m_incidentCombo->itemData(row, IncidentListModel::IncidentIdRole).toLongLong();
        if (id > 0)
            emit incidentChosen(id);
    });
    addAction(m_switchAction);
    addSeparator();

    m_severityLabel = addLabel();
    m_severityCombo = new QComboBox(this);
    m_severityCombo->setObjectName(QStringLiteral("severityCombo"));
    m_severityCombo->setFocusPolicy(Qt::ClickFocus);
    m_severityCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "SEV-1 · critical" whole
    for (Severity severity : IncidentVocabulary::allSeverities())
        m_severityCombo->addItem(KindStyle::swatch(KindStyle::severityColor(severity)), QString(),
                                 static_cast<int>(severity));
    addWidget(m_severityCombo);
    connect(m_severityCombo, &QComboBox::activated, this, [this](int index) {
        emit severityChosen(static_cast<Severity>(m_severityCombo->itemData(index).toInt()));
    });

    m_statusLabel = addLabel();
    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(QStringLiteral("statusCombo"));
    m_statusCombo->setFocusPolicy(Qt::ClickFocus);
    m_statusCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "Investigating" whole
    for (IncidentStatus status : IncidentVocabulary::allStatuses())
        m_statusCombo->addItem(KindStyle::swatch(KindStyle::statusColor(status)), QString(), static_cast<int>(status));
    addWidget(m_statusCombo);
    connect(m_statusCombo, &QComboBox::activated, this, [this](int index) {
        emit statusChosen(static_cast<IncidentStatus>(m_statusCombo->itemData(index).toInt()));
    });

    addSeparator();
    addAction(actions.undo);
    addAction(actions.redo);
}

QLabel *IncidentToolBar::addLabel()
{
    auto *label = new QLabel(this);
    label->setContentsMargins(8, 0, 4, 0);
    addWidget(label);
    return label;
}

void IncidentToolBar::showIncident(const Incident *incident)
{
    const QSignalBlocker a(m_incidentCombo), b(m_severityCombo), c(m_statusCombo);
    const int row = incident ? m_incidents.rowOfIncident(incident->id) : -1;
    m_incidentCombo->setCurrentIndex(row);
    // One not on the list (shown as remembered while the team server is out of reach): its title.
    m_incidentCombo->setPlaceholderText(incident && row < 0 ? incident->title : QString());
    m_severityCombo->setCurrentIndex(incident ? m_severityCombo->findData(static_cast<int>(incident->severity)) : -1);
    m_statusCombo->setCurrentIndex(incident ? m_statusCombo->findData(static_cast<int>(incident->status)) : -1);
    m_severityCombo->setEnabled(incident);
    m_statusCombo->setEnabled(incident);
}

void IncidentToolBar::retranslateUi()
{
    setWindowTitle(tr("Incident toolbar"));
    setAccessibleLabel(m_incidentCombo, tr("Incident"));
    setAccessibleLabel(m_severityCombo, tr("Severity"));
    setAccessibleLabel(m_statusCombo, tr("Status"));
    m_incidentLabel->setText(tr("Incident"));
    m_severityLabel->setText(tr("Severity"));
    m_statusLabel->setText(tr("Status"));
    for (int i = 0; i < m_severityCombo->count(); ++i)
        m_severityCombo->setItemText(
            i, IncidentVocabulary::severityLabel(static_cast<Severity>(m_severityCombo->itemData(i).toInt())));
    for (int i = 0; i < m_statusCombo->count(); ++i)
        m_statusCombo->setItemText(
            i, IncidentVocabulary::statusLabel(static_cast<IncidentStatus>(m_statusCombo->itemData(i).toInt())));
    m_severityCombo->setToolTip(tr("Severity of the incident (Ctrl+Alt+1 … Ctrl+Alt+5)"));
    m_statusCombo->setToolTip(tr("Status of the incident"));
    m_incidentCombo->setToolTip(
        tr("The incident shown (%1 to search)").arg(m_switchAction->shortcut().toString(QKeySequence::NativeText)));
}

} // namespace cp
