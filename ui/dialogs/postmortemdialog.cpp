#include "postmortemdialog.h"

#include "widgets/dialogkeys.h"

#include "db/incidentstore.h"
#include "domain/clock.h"
#include "exchange/incidentreport.h"
#include "exportactions.h"
#include "preferences.h"
#include "session/storewriter.h"
#include "widgets/kindstyle.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace cp {

PostmortemDialog::PostmortemDialog(const StoreWriter &writer, const Clock &clock, Preferences &preferences,
                                   qint64 incidentId, ExportActions *exports, QWidget *parent)
    : QDialog(parent), m_writer(writer), m_store(writer.store()), m_clock(clock), m_preferences(preferences),
      m_incidentId(incidentId), m_exports(exports), m_heading(new QLabel(this)), m_ownerLabel(new QLabel(this)),
      m_owner(new QComboBox(this)), m_dueLabel(new QLabel(this)), m_due(new QDateTimeEdit(this)),
      m_rule(new QLabel(this)), m_defaultsLabel(new QLabel(this)), m_sev1Days(new QSpinBox(this)),
      m_sev2Days(new QSpinBox(this)), m_status(new QLabel(this)), m_preview(new QTextBrowser(this)),
      m_save(new QPushButton(this)), m_export(new QToolButton(this)), m_print(new QPushButton(this)),
      m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("postmortemDialog"));
    resize(900, 720);
    m_heading->setObjectName(QStringLiteral("postmortemHeading"));
    m_heading->setWordWrap(true);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_heading->setFont(big);

    m_owner->setObjectName(QStringLiteral("postmortemOwner"));
    m_owner->setEditable(true);
    m_owner->setInsertPolicy(QComboBox::NoInsert);
    m_owner->setMinimumWidth(260);
    if (auto people = m_store.roster().people()) {
        for (const Person &p : *people)
            m_owner->addItem(p.name);
    }
    m_owner->setCurrentIndex(-1);
    DialogKeys::acceptOnCompletion(m_owner->completer(), this); // one Enter picks the owner and saves
    m_ownerLabel->setBuddy(m_owner);
    m_due->setObjectName(QStringLiteral("postmortemDue"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_dueLabel->setBuddy(m_due);
    m_rule->setObjectName(QStringLiteral("postmortemRule"));
    m_rule->setWordWrap(true);

    const PostmortemDeadlines deadlines = m_preferences.postmortemDeadlines();
    for (QSpinBox *box : {m_sev1Days, m_sev2Days})
        box->setRange(1, 60);
    m_sev1Days->setObjectName(QStringLiteral("postmortemSev1Days"));
    m_sev2Days->setObjectName(QStringLiteral("postmortemSev2Days"));
    m_sev1Days->setValue(deadlines.sev1CalendarDays);
    m_sev2Days->setValue(deadlines.sev2BusinessDays);

    m_status->setObjectName(QStringLiteral("postmortemStatus"));
    m_status->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("postmortemPreview"));
    m_preview->setOpenLinks(false);
    m_save->setObjectName(QStringLiteral("postmortemSave"));
    m_save->setDefault(true);
    m_export->setObjectName(QStringLiteral("postmortemExport"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    if (m_exports)
        m_export->setMenu(m_exports->exportMenu());
    m_print->setObjectName(QStringLiteral("postmortemPrint"));
    m_close->setObjectName(QStringLiteral("postmortemClose"));

    auto *form = new QFormLayout;
    form->addRow(m_ownerLabel, m_owner);
    auto *dueRow = new QHBoxLayout;
    dueRow->addWidget(m_due);
    dueRow->addWidget(m_rule, 1);
    form->addRow(m_dueLabel, dueRow);
    auto *defaults = new QHBoxLayout;
    defaults->addWidget(m_sev1Days);
    defaults->addWidget(m_sev2Days);
    defaults->addStretch(1);
    form->addRow(m_defaultsLabel, defaults);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_save);
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_print);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_preview, 1);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &PostmortemDialog::save);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_print, &QPushButton::clicked, this, [this] {
        if (m_exports)
            m_exports->askPrint();
    });
    connect(m_due, &QDateTimeEdit::dateTimeChanged, this, [this] { m_dueEdited = true; });
    auto defaultsChanged = [this] {
        PostmortemDeadlines d = m_preferences.postmortemDeadlines();
        d.sev1CalendarDays = m_sev1Days->value();
        d.sev2BusinessDays = m_sev2Days->value();
        m_preferences.setPostmortemDeadlines(d);
        applyDefaultDue();
    };
    connect(m_sev1Days, &QSpinBox::valueChanged, this, defaultsChanged);
    connect(m_sev2Days, &QSpinBox::valueChanged, this, defaultsChanged);
    connect(&m_store.incidents(), &IncidentRepository::postmortemChanged, this, [this](qint64 id) {
        if (id == m_incidentId)
            refresh();
    });
    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, [this](qint64 id) {
        if (id == m_incidentId)
            refresh();
    });

    retranslateUi();
    // The owner and due date as stored, or the defaults for a new postmortem.
    auto stored = m_store.incidents().postmortem(m_incidentId);
    if (stored && stored->has_value()) {
        m_owner->setEditText((*stored)->owner);
        m_due->setDateTime((*stored)->dueAt.toLocalTime());
        m_dueEdited = true;
    } else {
        applyDefaultDue();
    }
    refresh();
}

QDateTime PostmortemDialog::resolvedOrNow() const
{
    auto incident = m_store.incidents().incident(m_incidentId);
    if (incident && incident->resolvedAt.isValid())
        return incident->resolvedAt;
    return m_clock.nowUtc();
}

void PostmortemDialog::applyDefaultDue()
{
    auto incident = m_store.incidents().incident(m_incidentId);
    if (!incident)
        return;
    const PostmortemDeadlines deadlines = m_preferences.postmortemDeadlines();
    m_rule->setText(tr("Default for %1: %2.")
                        .arg(IncidentVocabulary::severityKey(incident->severity),
                             PostmortemPolicy::ruleText(incident->severity, deadlines)));
    if (m_dueEdited)
        return;
    const QSignalBlocker blocker(m_due);
    m_due->setDateTime(PostmortemPolicy::defaultDue(incident->severity, resolvedOrNow(), deadlines).toLocalTime());
}

bool PostmortemDialog::save()
{
    const QString owner = m_owner->currentText();
    const QDateTime due = m_due->dateTime().toUTC();
    const QString author = m_writer.author();
    const StoreError error =
        m_writer.write([&] { return m_store.incidents().setPostmortem(m_incidentId, owner, due, author); });
    if (!error.ok()) {
        m_status->setText(error.message());
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(KindStyle::errorColor().name()));
        return false;
    }
    m_status->setStyleSheet(QString());
    m_status->setText(
        tr("Saved: %1 owns the postmortem, due %2.")
            .arg(m_owner->currentText().trimmed(), QLocale().toString(m_due->dateTime(), QLocale::ShortFormat)));
    return true;
}

QString PostmortemDialog::previewHtml() const
{
    return m_preview->toHtml();
}

void PostmortemDialog::refresh()
{
    auto report = IncidentReport::build(m_store, m_incidentId, m_clock.nowUtc());
    if (!report) {
        m_status->setText(report.error().message());
        return;
    }
    m_heading->setText(tr("Postmortem of %1 (%2, %3)")
                           .arg(report->incident.title, report->severityText(),
                                IncidentVocabulary::statusLabel(report->incident.status).toLower()));
    const int scroll = m_preview->verticalScrollBar()->value();
    m_preview->setHtml(ReportRenderer::html(report->postmortemDraft()));
    m_preview->verticalScrollBar()->setValue(scroll);
    applyDefaultDue();
}

void PostmortemDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PostmortemDialog::retranslateUi()
{
    setWindowTitle(tr("Postmortem"));
    m_ownerLabel->setText(tr("&Owner:"));
    m_owner->lineEdit()->setPlaceholderText(tr("Who writes the postmortem"));
    m_dueLabel->setText(tr("&Due:"));
    m_defaultsLabel->setText(tr("Default due dates:"));
    m_sev1Days->setSuffix(tr(" calendar days (SEV-1)"));
    m_sev2Days->setSuffix(tr(" business days (SEV-2)"));
    m_save->setText(tr("&Save owner and due date"));
    m_export->setText(tr("&Export"));
    m_print->setText(tr("&Print…"));
    m_close->setText(tr("&Close"));
}

} // namespace cp
