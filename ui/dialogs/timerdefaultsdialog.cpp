#include "timerdefaultsdialog.h"

#include "preferences.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cp {

namespace {

constexpr qint64 Minute = 60 * 1000;

QSpinBox *minutesBox(int builtIn, int value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(TimerDefaultOverrides::MinMinutes, TimerDefaultOverrides::MaxMinutes);
    box->setSuffix(TimerDefaultsDialog::tr(" min"));
    box->setValue(value > 0 ? value : builtIn);
    box->setProperty("builtIn", builtIn);
    return box;
}

} // namespace

TimerDefaultsDialog::TimerDefaultsDialog(Preferences &preferences, QWidget *parent)
    : QDialog(parent), m_preferences(preferences), m_overrides(preferences.timerDefaultOverrides())
{
    setObjectName(QStringLiteral("timerDefaultsDialog"));
    setWindowTitle(tr("Timer defaults"));

    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("timerDefaultsSeverity"));
    for (Severity s : IncidentVocabulary::allSeverities())
        m_severity->addItem(IncidentVocabulary::severityLabel(s), static_cast<int>(s));

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("timerDefaultsTable"));
    m_table->setHorizontalHeaderLabels({tr("On"), tr("Timer"), tr("Owner"), tr("Minutes"), tr("First after")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Stretch);

    auto *hint = new QLabel(tr("Started when an incident of this severity is declared; each can still be changed "
                               "at once on the Timers board."),
                            this);
    hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *restore = buttons->addButton(tr("&Restore built-in values"), QDialogButtonBox::ResetRole);
    restore->setObjectName(QStringLiteral("restoreTimerDefaultsButton"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Severity:"), m_severity);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(640, 380);

    connect(buttons, &QDialogButtonBox::accepted, this, &TimerDefaultsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TimerDefaultsDialog::reject);
    connect(restore, &QPushButton::clicked, this, &TimerDefaultsDialog::restoreBuiltIns);
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this](int index) {
        collectTable(m_overrides);
        showSeverity(static_cast<Severity>(m_severity->itemData(index).toInt()));
    });
    showSeverity(Severity::Sev1);
}

Severity TimerDefaultsDialog::severity() const
{
    return m_shown;
}

void TimerDefaultsDialog::setSeverity(Severity severity)
{
    m_severity->setCurrentIndex(m_severity->findData(static_cast<int>(severity)));
}

TimerDefaultOverrides TimerDefaultsDialog::overrides() const
{
    TimerDefaultOverrides all = m_overrides;
    collectTable(all);
    return all;
}

void TimerDefaultsDialog::accept()
{
    collectTable(m_overrides);
    m_preferences.setTimerDefaultOverrides(m_overrides);
    m_preferences.sync();
    QDialog::accept();
}

void TimerDefaultsDialog::showSeverity(Severity severity)
{
    m_shown = severity;
    const QList<TimerDefault> builtIns = TimerDefaults::forSeverity(severity);
    m_table->setRowCount(0);
    m_table->setRowCount(int(builtIns.size()));
    for (int row = 0; row < builtIns.size(); ++row) {
        const TimerDefault &d = builtIns.at(row);
        const TimerDefaultOverride change = m_overrides.value(severity, d.key);
        auto *enabled = new QTableWidgetItem;
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        enabled->setCheckState(change.enabled ? Qt::Checked : Qt::Unchecked);
        enabled->setData(Qt::UserRole, d.key);
        enabled->setData(Qt::AccessibleTextRole, d.label);
        m_table->setItem(row, EnabledColumn, enabled);
        auto *label = new QTableWidgetItem(d.label);
        label->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, LabelColumn, label);
        auto *owner = new QTableWidgetItem(d.ownerRoleKey.isEmpty() ? tr("—") : d.ownerRoleKey);
        owner->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, OwnerColumn, owner);
        if (d.durationMs > 0) {
            auto *box = minutesBox(int(d.durationMs / Minute), change.minutes, m_table);
            box->setObjectName(QStringLiteral("minutes_%1").arg(d.key));
            m_table->setCellWidget(row, MinutesColumn, box);
        }
        if (d.firstAfterMs > 0) {
            auto *box = minutesBox(int(d.firstAfterMs / Minute), change.firstAfterMinutes, m_table);
            box->setObjectName(QStringLiteral("firstAfter_%1").arg(d.key));
            m_table->setCellWidget(row, FirstAfterColumn, box);
        }
    }
    m_table->resizeColumnToContents(EnabledColumn);
    m_table->resizeColumnToContents(OwnerColumn);
}

void TimerDefaultsDialog::collectTable(TimerDefaultOverrides &into) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *enabled = m_table->item(row, EnabledColumn);
        if (!enabled)
            continue;
        TimerDefaultOverride change;
        change.enabled = enabled->checkState() == Qt::Checked;
        // Minutes equal to the built-in value are not kept: a later change of the built-in applies.
        if (auto *box = qobject_cast<QSpinBox *>(m_table->cellWidget(row, MinutesColumn)))
            change.minutes = box->value() == box->property("builtIn").toInt() ? 0 : box->value();
        if (auto *box = qobject_cast<QSpinBox *>(m_table->cellWidget(row, FirstAfterColumn)))
            change.firstAfterMinutes = box->value() == box->property("builtIn").toInt() ? 0 : box->value();
        into.set(m_shown, enabled->data(Qt::UserRole).toString(), change);
    }
}

void TimerDefaultsDialog::restoreBuiltIns()
{
    m_overrides.clear();
    showSeverity(m_shown);
}

} // namespace cp
