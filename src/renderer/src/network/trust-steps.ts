/** How a lab computer's browser comes to trust the server's certificate; docs/cli-and-network.md says the same. */
export const certificateFileName = 'zhurnal-school.crt';

export const trustSteps: { system: string; steps: string[] }[] = [
  {
    system: 'Windows',
    steps: [
      `Откройте файл ${certificateFileName} → «Установить сертификат…» → «Локальный компьютер».`,
      '«Поместить все сертификаты в следующее хранилище» → «Обзор» → «Доверенные корневые центры сертификации» → «Готово».',
      'Перезапустите браузер (Edge, Chrome, Яндекс Браузер берут сертификат из Windows).',
    ],
  },
  {
    system: 'Astra Linux',
    steps: [
      `Для системы: sudo cp ${certificateFileName} /usr/local/share/ca-certificates/ && sudo update-ca-certificates`,
      `Для Chromium и Яндекс Браузера (пакет libnss3-tools): certutil -d sql:$HOME/.pki/nssdb -A -t "P,," -n zhurnal -i ${certificateFileName}`,
    ],
  },
  {
    system: 'Альт',
    steps: [
      `Для системы: sudo cp ${certificateFileName} /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust`,
      `Для Chromium и Яндекс Браузера (пакет nss-utils): certutil -d sql:$HOME/.pki/nssdb -A -t "P,," -n zhurnal -i ${certificateFileName}`,
    ],
  },
  {
    system: 'Firefox (в любой системе)',
    steps: [
      'Настройки → Приватность и защита → Сертификаты → «Просмотр сертификатов» → «Серверы» → «Добавить исключение…»: адрес журнала, «Получить сертификат», сверьте отпечаток SHA-256 с этим экраном, «Подтвердить».',
    ],
  },
];
