#include "damagedfilenotice.h"

#include "db/storesession.h"
#include "kindstyle.h"

#include <QMessageBox>

namespace cp {

DamagedFileNotice::DamagedFileNotice(StoreSession &session, QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("damagedFileNotice"));
    setContentsMargins(6, 0, 6, 0);
    setTextFormat(Qt::PlainText);
    setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(KindStyle::errorColor().name()));
    hide();
    connect(&session, &StoreSession::damaged, this, &DamagedFileNotice::show);
}

void DamagedFileNotice::show(const QString &message)
{
    setText(tr("Read-only: the database file is damaged"));
    setToolTip(message);
    setVisible(true);
    auto *box = new QMessageBox(QMessageBox::Critical, tr("The database file is damaged"), message, QMessageBox::Close,
                                window());
    box->setObjectName(QStringLiteral("damagedFileBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // not modal to the whole app: the incident stays readable behind it
}

} // namespace cp
