#include "timelinefilterbar.h"

#include "deferredicon.h"
#include "widgets/accessiblename.h"
#include "widgets/kindstyle.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLineEdit>
#include <QToolButton>

namespace cp {

namespace {

constexpr int DelayMs = 150;

// The kind filter's choices besides one kind (whose data is the kind itself, from 0).
enum KindChoice
{
    AllKinds = -1,
    AllButTimers = -2,
    AllButTimersAndSystem = -3,
    PeopleOnly = -4
};

QToolButton *toggle(const char *name, const QString &icon, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QLatin1String(name));
    button->setCheckable(true);
    button->setIcon(deferredIcon(icon));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TimelineFilterBar::TimelineFilterBar(QWidget *parent)
    : QWidget(parent), m_text(new QLineEdit(this)), m_kind(new QComboBox(this)), m_author(new QComboBox(this)),
      m_keyOnly(toggle("timelineKeyOnly", QStringLiteral(":/icons/key-event.svg"), this)),
      m_hideRetracted(toggle("timelineHideRetracted", QStringLiteral(":/icons/retract.svg"), this))
{
    setObjectName(QStringLiteral("timelineFilterBar"));
    m_text->setObjectName(QStringLiteral("timelineFilterText"));
    m_text->setClearButtonEnabled(true);
    m_text->addAction(deferredIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_kind->setObjectName(QStringLiteral("timelineFilterKind"));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_author->setObjectName(QStringLiteral("timelineFilterAuthor"));
    m_author->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_author->installEventFilter(this);

    // One filter once typing (or clicking) pauses, not one per key.
    m_delay.setSingleShot(true);
    m_delay.setInterval(DelayMs);
    m_delay.callOnTimeout(this, &TimelineFilterBar::filterChanged);
    const auto later = [this] { m_delay.start(); };
    connect(m_text, &QLineEdit::textChanged, this, later);
    connect(m_kind, &QComboBox::currentIndexChanged, this, later);
    connect(m_author, &QComboBox::currentIndexChanged, this, later);
    connect(m_keyOnly, &QToolButton::toggled, this, later);
    connect(m_hideRetracted, &QToolButton::toggled, this, later);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    row->addWidget(m_text, 1);
    row->addWidget(m_kind);
    row->addWidget(m_author);
    row->addWidget(m_keyOnly);
    row->addWidget(m_hideRetracted);
    setAuthors({});
}

TimelineFilter TimelineFilterBar::filter() const
{
    TimelineFilter filter;
    filter.text = m_text->text().trimmed();
    const int kind = m_kind->currentData().toInt();
    const auto allBut = [](const QList<EntryKind> &hidden) {
        QList<EntryKind> kinds = EntryVocabulary::allKinds();
        kinds.removeIf([&hidden](EntryKind k) { return hidden.contains(k); });
        return kinds;
    };
    if (kind >= 0)
        filter.kinds << static_cast<EntryKind>(kind);
    else if (kind == AllButTimers)
        filter.kinds = allBut({EntryKind::Timer});
    else if (kind == AllButTimersAndSystem)
        filter.kinds = allBut({EntryKind::Timer, EntryKind::System});
    else if (kind == PeopleOnly)
        filter.kinds = EntryVocabulary::manualKinds();
    filter.author = m_author->currentData().toString();
    filter.keyEventsOnly = m_keyOnly->isChecked();
    filter.includeRetracted = !m_hideRetracted->isChecked();
    return filter;
}

bool TimelineFilterBar::isActive() const
{
    return !m_text->text().trimmed().isEmpty() || m_kind->currentIndex() > 0 || m_author->currentIndex() > 0 ||
           m_keyOnly->isChecked() || m_hideRetracted->isChecked();
}

void TimelineFilterBar::setAuthors(const QStringList &authors)
{
    const QString current = m_author->currentData().toString();
    const QSignalBlocker blocker(m_author);
    m_author->clear();
    m_author->addItem(tr("Anyone"), QString());
    for (const QString &name : authors)
        m_author->addItem(name, name);
    if (!current.isEmpty() && m_author->findData(current) < 0)
        m_author->addItem(current, current); // keep a filter that is in use
    m_author->setCurrentIndex(qMax(0, m_author->findData(current)));
}

void TimelineFilterBar::focusText()
{
    show();
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

bool TimelineFilterBar::authorHasFocus() const
{
    return m_author->hasFocus();
}

bool TimelineFilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_author && event->type() == QEvent::FocusIn)
        emit authorsWanted();
    return QWidget::eventFilter(watched, event);
}

void TimelineFilterBar::fillKinds()
{
    const QVariant current = m_kind->currentData();
    const QSignalBlocker blocker(m_kind);
    m_kind->clear();
    m_kind->addItem(tr("All kinds"), AllKinds);
    // Hiding what CommandPost logs by itself keeps the log about the incident.
    m_kind->addItem(tr("All but timers"), AllButTimers);
    m_kind->addItem(tr("All but timers and system"), AllButTimersAndSystem);
    m_kind->addItem(tr("What people wrote"), PeopleOnly);
    m_kind->insertSeparator(m_kind->count());
    for (EntryKind kind : EntryVocabulary::allKinds())
        m_kind->addItem(KindStyle::swatch(KindStyle::kindColor(kind)), EntryVocabulary::kindLabel(kind),
                        static_cast<int>(kind));
    const int index = m_kind->findData(current.isValid() ? current : QVariant(int(AllKinds)));
    m_kind->setCurrentIndex(qMax(0, index));
}

void TimelineFilterBar::retranslateUi()
{
    setAccessibleLabel(m_text, tr("Filter entries"));
    setAccessibleLabel(m_kind, tr("Filter by kind"));
    setAccessibleLabel(m_author, tr("Filter by author"));
    m_text->setPlaceholderText(
        tr("Filter entries (%1)").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    fillKinds();
    m_author->setItemText(0, tr("Anyone"));
    m_keyOnly->setText(tr("Key events"));
    m_keyOnly->setToolTip(tr("Show only key events"));
    m_hideRetracted->setText(tr("Hide retracted"));
}

} // namespace cp
