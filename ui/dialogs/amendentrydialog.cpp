#include "amendentrydialog.h"

#include "domain/clock.h"
#include "widgets/kindstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cp {

namespace {
const QString DisplayFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
}

AmendEntryDialog::AmendEntryDialog(const TimelineEntry &entry, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_entry(entry), m_text(new QPlainTextEdit(this)), m_kind(new QComboBox(this)),
      m_occurred(new QDateTimeEdit(this)), m_keyEvent(new QCheckBox(tr("&Key event"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("amendEntryDialog"));
    setWindowTitle(tr("Amend entry"));

    m_text->setObjectName(QStringLiteral("amendText"));
    m_text->setPlainText(entry.text);
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);

    m_kind->setObjectName(QStringLiteral("amendKind"));
    QList<EntryKind> kinds = EntryVocabulary::manualKinds();
    if (!kinds.contains(entry.kind))
        kinds << entry.kind;
    for (EntryKind k : kinds)
        m_kind->addItem(KindStyle::swatch(KindStyle::kindColor(k)), EntryVocabulary::kindLabel(k), static_cast<int>(k));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(entry.kind)));

    m_occurred->setObjectName(QStringLiteral("amendOccurredAt"));
    m_occurred->setTimeSpec(Qt::LocalTime);
    m_occurred->setDisplayFormat(DisplayFormat);
    m_occurred->setCalendarPopup(true);
    m_occurred->setDateTime(entry.occurredAt.toLocalTime());
    m_occurred->setMaximumDateTime(clock.nowUtc().toLocalTime());

    m_keyEvent->setObjectName(QStringLiteral("amendKeyEvent"));
    m_keyEvent->setChecked(entry.keyEvent);

    auto *logged = new QLabel(entry.capturedAt.toLocalTime().toString(DisplayFormat + QStringLiteral(" t")), this);
    logged->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *note = new QLabel(tr("The entry as first written stays in its history."), this);
    note->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Text:"), m_text);
    form->addRow(tr("K&ind:"), m_kind);
    auto *when = new QHBoxLayout;
    when->addWidget(m_occurred, 1);
    when->addWidget(new QLabel(clock.nowUtc().toLocalTime().timeZoneAbbreviation(), this));
    auto *whenLabel = new QLabel(tr("&Happened at:"), this);
    whenLabel->setBuddy(m_occurred);
    form->addRow(whenLabel, when);
    form->addRow(tr("Logged at:"), logged);
    form->addRow(QString(), m_keyEvent);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Amend"));

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AmendEntryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AmendEntryDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &AmendEntryDialog::updateButtons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AmendEntryDialog::updateButtons);
    connect(m_occurred, &QDateTimeEdit::dateTimeChanged, this, &AmendEntryDialog::updateButtons);
    connect(m_keyEvent, &QCheckBox::toggled, this, &AmendEntryDialog::updateButtons);
    updateButtons();
}

EntryAmendment AmendEntryDialog::amendment() const
{
    EntryAmendment change;
    const QString text = m_text->toPlainText().trimmed();
    if (text != m_entry.text)
        change.text = text;
    const auto kind = static_cast<EntryKind>(m_kind->currentData().toInt());
    if (kind != m_entry.kind)
        change.kind = kind;
    // The editor shows whole seconds; an unchanged display keeps the stored milliseconds.
    const QDateTime occurred = m_occurred->dateTime().toUTC();
    if (occurred.toSecsSinceEpoch() != m_entry.occurredAt.toSecsSinceEpoch())
        change.occurredAt = occurred;
    if (m_keyEvent->isChecked() != m_entry.keyEvent)
        change.keyEvent = m_keyEvent->isChecked();
    return change;
}

void AmendEntryDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
}

void AmendEntryDialog::setKind(EntryKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
}

void AmendEntryDialog::setOccurredAt(const QDateTime &utc)
{
    m_occurred->setDateTime(utc.toLocalTime());
}

void AmendEntryDialog::setKeyEvent(bool keyEvent)
{
    m_keyEvent->setChecked(keyEvent);
}

void AmendEntryDialog::updateButtons()
{
    const EntryAmendment change = amendment();
    const bool textOk = !m_text->toPlainText().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(textOk && !change.isEmpty());
}

} // namespace cp
