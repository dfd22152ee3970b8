/**
 * A dictionary of skills and key phrases found in job postings, across trades, with the spellings people
 * actually use, and a matcher that finds them in text. General-purpose tokenizers split "Node.js", "C#",
 * "CI/CD" and "A/B testing" into pieces; this matcher keeps such terms whole, treats "front-end",
 * "front end" and "frontend" as one spelling, accepts a plural ("RESTful APIs"), and does not read the
 * English words "go", "spring" or "excel" as the technologies.
 *
 * Alias notation in the tables below:
 * - `plain text`: matched regardless of case;
 * - `=Text`: matched only with exactly this capitalisation ("=ML" is not "ml", a millilitre);
 * - `~Text`: exact capitalisation and a technical context around it: a list ("Python, Go, Rust"), a
 *   preposition before it ("in Go"), or a technical word after it ("Go developer"). Used for words that
 *   are also ordinary English ("Go", "Spring", "Swift", "R", "C").
 * The canonical name is itself an alias, matched regardless of case, unless an alias spells it with a marker.
 */
export const skillCategories = [
  'software',
  'data',
  'design',
  'product',
  'project_management',
  'marketing',
  'sales',
  'finance',
  'operations',
  'healthcare',
  'people',
  'education',
  'legal',
  'office',
  'soft_skill',
  'language',
  'credential',
] as const;

export type SkillCategory = (typeof skillCategories)[number];

export type Skill = {
  readonly canonical: string;
  readonly category: SkillCategory;
  /** Every spelling that counts as this skill, in the notation above, canonical name included. */
  readonly aliases: readonly string[];
  /** Broader skills this one demonstrates: a resume naming PostgreSQL covers a posting asking for SQL. */
  readonly implies: readonly string[];
};

/** [canonical, aliases separated by "|", implied canonical names separated by "|"] */
type SkillSource = readonly [canonical: string, aliases?: string, implies?: string];

const software: readonly SkillSource[] = [
  ['JavaScript', 'js|ecmascript|es6|es2015|vanilla js'],
  ['TypeScript', '', 'JavaScript'],
  ['Python', 'python3|python 3'],
  ['Java', 'core java|java se|java 8|java 11|java 17'],
  ['Kotlin'],
  ['Scala', '=Scala'],
  ['C', '~C|c programming|c language|ansi c'],
  ['C++', 'cpp|c plus plus'],
  ['C#', 'c sharp|csharp'],
  ['F#'],
  ['.NET', '.net core|.net framework|dotnet|dot net'],
  ['ASP.NET', 'asp.net core|asp.net mvc', '.NET'],
  ['Go', '~Go|golang|go lang|go programming'],
  ['Rust', '~Rust|rustlang'],
  ['Ruby', '~Ruby'],
  ['Ruby on Rails', '=Rails|=RoR|rails framework', 'Ruby'],
  ['PHP'],
  ['Laravel', '', 'PHP'],
  ['Symfony', '', 'PHP'],
  ['Swift', '~Swift|swiftui', ''],
  ['Objective-C', 'objc|obj-c'],
  ['Dart', '~Dart'],
  ['Flutter', '', 'Dart'],
  ['R', '~R|r programming|r language|rstudio'],
  ['MATLAB'],
  ['Julia', '~Julia'],
  ['Perl', '=Perl'],
  ['Lua', '=Lua'],
  ['Haskell'],
  ['Elixir', '=Elixir'],
  ['Erlang'],
  ['Clojure'],
  ['Groovy', '=Groovy'],
  ['COBOL'],
  ['Fortran'],
  ['Assembly language', 'x86 assembly|arm assembly'],
  ['Shell scripting', 'bash|bash scripting|shell script|shell scripts|zsh|unix shell'],
  ['PowerShell'],
  ['SQL', 'structured query language'],
  ['T-SQL', 'transact-sql', 'SQL'],
  ['PL/SQL', '', 'SQL'],
  ['NoSQL', 'no-sql|non-relational databases'],
  ['HTML', 'html5|html 5|xhtml'],
  ['CSS', 'css3|css 3'],
  ['Sass', '=Sass|=SASS|scss'],
  ['Tailwind CSS', 'tailwind|tailwindcss', 'CSS'],
  ['Bootstrap', '=Bootstrap', 'CSS'],
  ['jQuery', '', 'JavaScript'],
  ['React', '=React|react.js|reactjs|react js', 'JavaScript'],
  ['React Native', '', 'React'],
  ['Redux', '', 'React'],
  ['Next.js', 'nextjs', 'React'],
  ['Angular', '=Angular|angularjs|angular.js|angular 2', 'JavaScript'],
  ['Vue.js', 'vue|vuejs|vue 3', 'JavaScript'],
  ['Nuxt', 'nuxt.js|nuxtjs', 'Vue.js'],
  ['Svelte', 'sveltekit', 'JavaScript'],
  ['Ember.js', 'emberjs|=Ember', 'JavaScript'],
  ['Backbone.js', 'backbonejs', 'JavaScript'],
  ['Node.js', 'nodejs|~Node', 'JavaScript'],
  ['Express.js', 'expressjs|~Express', 'Node.js'],
  ['NestJS', 'nest.js', 'Node.js'],
  ['Deno', '=Deno'],
  ['Django', '', 'Python'],
  ['Flask', '=Flask', 'Python'],
  ['FastAPI', '', 'Python'],
  ['Spring', '~Spring|spring framework|spring mvc', 'Java'],
  ['Spring Boot', 'springboot', 'Spring'],
  ['Hibernate', '=Hibernate|=JPA', 'Java'],
  ['Java EE', 'j2ee|jee|jakarta ee', 'Java'],
  ['Maven', '=Maven'],
  ['Gradle'],
  ['JUnit'],
  ['Mockito'],
  ['pytest'],
  ['Jest', '=Jest'],
  ['Mocha', '~Mocha'],
  ['Cypress', '=Cypress'],
  ['Selenium', '=Selenium|selenium webdriver'],
  ['Playwright', '=Playwright'],
  ['Webpack'],
  ['Babel', '=Babel'],
  ['Vite', '=Vite'],
  ['npm'],
  ['Storybook'],
  ['GraphQL'],
  ['RESTful APIs', '=REST|restful|restful api|rest api|restful services|restful web services|rest services'],
  ['gRPC'],
  ['WebSockets', 'websocket|web sockets'],
  ['Socket.IO'],
  ['SOAP', '=SOAP'],
  ['Web services', 'web service'],
  ['JSON', '=JSON'],
  ['XML', '=XML'],
  ['Microservices', 'microservice|micro-services|microservices architecture'],
  ['API design', 'api development|api integration|api integrations'],
  ['Serverless', 'serverless architecture|serverless computing'],
  ['Event-driven architecture', 'event driven architecture|event-driven systems'],
  ['Object-oriented programming', '=OOP|oop|object-oriented design|object oriented|=OOD|=OO design'],
  ['Functional programming'],
  ['Design patterns'],
  ['Data structures and algorithms', 'data structures|algorithms and data structures|=DSA'],
  ['System design', 'systems design|software architecture|system architecture|systems architecture'],
  ['Distributed systems', 'distributed computing|distributed computing systems'],
  ['Software engineering', 'software development|software engineer|software developer'],
  ['Test-driven development', '=TDD|tdd'],
  ['Unit testing', 'unit tests|unit test'],
  ['Automated testing', 'test automation|automation testing|automated tests'],
  ['Integration testing', 'integration tests|end-to-end testing|e2e testing'],
  ['Quality assurance', '=QA|software testing|quality assurance testing'],
  ['Code review', 'code reviews|reviewing code'],
  ['Debugging'],
  ['Performance tuning', 'performance optimization|performance optimisation|performance engineering'],
  ['Version control', 'source control|version control systems'],
  ['Git', 'git version control', 'Version control'],
  ['GitHub', '', 'Git'],
  ['GitLab', '', 'Git'],
  ['Bitbucket', '', 'Git'],
  ['CI/CD', 'continuous integration|continuous delivery|continuous deployment|ci-cd|ci/cd pipelines'],
  ['DevOps'],
  ['Site reliability engineering', '=SRE|site reliability'],
  ['Jenkins', '', 'CI/CD'],
  ['GitHub Actions', '', 'CI/CD|GitHub'],
  ['GitLab CI', 'gitlab ci/cd', 'CI/CD|GitLab'],
  ['CircleCI', '', 'CI/CD'],
  ['Travis CI', '', 'CI/CD'],
  ['Docker', '', 'Containers'],
  ['Kubernetes', 'k8s|=K8S', 'Containers'],
  ['Containers', 'containerization|containerisation|containerized applications'],
  ['Helm', '=Helm', 'Kubernetes'],
  ['Terraform', '', 'Infrastructure as code'],
  ['Infrastructure as code', '=IaC'],
  ['Ansible'],
  ['Puppet', '=Puppet'],
  ['Linux', 'gnu/linux|ubuntu|debian|red hat enterprise linux|rhel|centos'],
  ['Unix'],
  ['Windows Server'],
  ['Nginx'],
  ['Apache Kafka', '=Kafka|kafka streams'],
  ['RabbitMQ'],
  ['Redis'],
  ['Memcached'],
  ['Elasticsearch', 'elastic search|=ELK|elk stack|opensearch'],
  ['PostgreSQL', 'postgres|psql', 'SQL'],
  ['MySQL', 'mariadb', 'SQL'],
  ['SQLite', '', 'SQL'],
  ['Microsoft SQL Server', 'sql server|mssql|ms sql|ms sql server', 'SQL'],
  ['Oracle Database', '=Oracle|oracle db|oracle sql', 'SQL'],
  ['MongoDB', 'mongo', 'NoSQL'],
  ['Cassandra', '=Cassandra|apache cassandra', 'NoSQL'],
  ['DynamoDB', 'dynamo db', 'NoSQL'],
  ['Neo4j'],
  ['Firebase'],
  ['Supabase'],
  ['AWS', 'amazon web services', 'Cloud computing'],
  ['Microsoft Azure', '=Azure|azure cloud', 'Cloud computing'],
  ['Google Cloud Platform', 'gcp|google cloud', 'Cloud computing'],
  [
    'Cloud computing',
    'cloud platforms|cloud platform|cloud infrastructure|cloud services|cloud-native|cloud technologies',
  ],
  ['AWS Lambda', '', 'AWS|Serverless'],
  ['Amazon S3', '=S3|aws s3', 'AWS'],
  ['Amazon EC2', '=EC2|aws ec2', 'AWS'],
  ['Heroku'],
  ['Vercel'],
  ['OpenShift'],
  ['VMware'],
  ['Computer networking', 'tcp/ip|network administration|network engineering|network protocols'],
  ['Cybersecurity', 'cyber security|information security|infosec|security engineering|application security'],
  ['OWASP'],
  ['Penetration testing', 'pen testing|pentesting|ethical hacking'],
  ['Identity and access management', '=IAM'],
  ['OAuth', 'oauth2|oauth 2.0|openid connect|=OIDC|single sign-on|=SSO'],
  ['Accessibility', 'a11y|wcag|web accessibility|section 508'],
  ['Responsive design', 'responsive web design|mobile-first design|responsive layouts'],
  ['Web development', 'web developer|web applications|web application development'],
  ['Front-end development', 'front-end|frontend development|front-end developer|front-end engineering'],
  ['Back-end development', 'back-end|backend development|back-end developer|back-end engineering'],
  ['Full-stack development', 'full-stack|full-stack developer|full-stack engineer'],
  ['Mobile development', 'mobile app development|mobile applications|mobile apps'],
  ['iOS', '=iOS|ios development', ''],
  ['Android', '=Android|android development'],
  ['Embedded systems', 'embedded software|firmware|embedded c'],
  ['Game development', 'gamedev|game design'],
  ['Unity', '=Unity|unity3d'],
  ['Unreal Engine', '=Unreal|=UE5'],
  ['Blockchain', 'web3|smart contracts'],
  ['Solidity', '', 'Blockchain'],
  ['SaaS', 'software as a service'],
  ['ServiceNow', 'service now|servicenow platform'],
  ['Salesforce', '=SFDC|salesforce.com', 'CRM'],
  ['SAP', '=SAP|sap erp|s/4hana|sap s/4hana', 'ERP'],
  ['ERP', '=ERP|erp systems|enterprise resource planning'],
  ['Jira', 'jira software'],
  ['Confluence', '=Confluence'],
  ['Regular expressions', 'regex|regexp'],
  ['Prometheus', '=Prometheus'],
  ['Grafana'],
  ['Datadog'],
  ['Splunk'],
  ['New Relic'],
  ['Sentry', '=Sentry'],
  ['SDLC', 'software development life cycle|software development lifecycle'],
  ['Technical documentation', 'technical writing|writing documentation'],
];

const data: readonly SkillSource[] = [
  ['Machine learning', '=ML|machine-learning|ml models|ml engineering'],
  ['Deep learning', 'deep neural networks', 'Machine learning'],
  [
    'Neural networks',
    'neural network|=CNN|=CNNs|=RNN|=RNNs|=LSTM|convolutional neural networks|recurrent neural networks',
    'Deep learning',
  ],
  ['Transformer models', 'transformer architectures|transformer architecture|=BERT', 'Deep learning'],
  ['Natural language processing', '=NLP|natural language understanding|=NLU|text mining', 'Machine learning'],
  ['Computer vision', 'image recognition|image processing|object detection', 'Machine learning'],
  ['Large language models', '=LLM|=LLMs|large language model|prompt engineering', 'Machine learning'],
  ['Generative AI', '=GenAI|gen ai|generative artificial intelligence'],
  ['Artificial intelligence', '=AI|=A.I'],
  ['Reinforcement learning', '', 'Machine learning'],
  ['MLOps', 'ml ops|machine learning operations'],
  ['Feature engineering', 'feature extraction|feature selection'],
  ['Predictive modeling', 'predictive modelling|predictive models|predictive analytics'],
  ['Statistics', 'statistical analysis|statistical modeling|statistical modelling|statistical methods'],
  ['Mathematical modeling', 'mathematical modelling|mathematical optimization|optimization algorithms'],
  ['Operations research'],
  ['Dimensionality reduction', '=PCA|principal component analysis'],
  ['Time series analysis', 'time series|time series forecasting'],
  [
    'Recommendation systems',
    'recommender systems|recommendation engines|recommendation system|recommendation engine',
  ],
  ['A/B testing', 'split testing|a/b tests|a/b test|a/b experiments'],
  ['Data analysis', 'data analytics|data analyst|analyzing data|analysing data'],
  ['Data science', 'data scientist'],
  ['Data engineering', 'data engineer'],
  ['Data visualization', 'data visualisation|data viz|dashboards|dashboarding|dashboard'],
  ['Data modeling', 'data modelling|dimensional modeling|dimensional modelling'],
  ['Data warehousing', 'data warehouse|=DWH'],
  ['ETL', '=ETL|=ELT|etl pipelines'],
  ['Data pipelines', 'data pipeline|data processing pipelines|data processing pipeline'],
  ['Big data', 'big-data'],
  ['Apache Hadoop', 'hadoop|hdfs|mapreduce'],
  ['Apache Spark', '~Spark|pyspark|spark sql'],
  ['Apache Airflow', '=Airflow'],
  ['dbt', '=dbt|data build tool'],
  ['Snowflake', '=Snowflake'],
  ['Databricks'],
  ['BigQuery', 'big query'],
  ['Amazon Redshift', '=Redshift'],
  ['Apache Hive', '~Hive'],
  ['pandas', '=pandas|=Pandas', 'Python'],
  ['NumPy', '', 'Python'],
  ['SciPy', '', 'Python'],
  ['scikit-learn', 'sklearn|scikit', 'Machine learning|Python'],
  ['TensorFlow', 'tensor flow', 'Deep learning'],
  ['PyTorch', '', 'Deep learning'],
  ['Keras', '', 'Deep learning'],
  ['XGBoost', 'lightgbm|catboost|gradient boosting', 'Machine learning'],
  ['Hugging Face', 'huggingface'],
  ['LangChain'],
  ['OpenCV', '', 'Computer vision'],
  ['Jupyter', 'jupyter notebooks|jupyter notebook|ipython'],
  ['Power BI', 'powerbi|=PowerBI', 'Data visualization'],
  ['Tableau', '', 'Data visualization'],
  ['Looker', '=Looker|looker studio|google data studio', 'Data visualization'],
  ['Qlik', 'qlikview|qlik sense', 'Data visualization'],
  ['SAS', '=SAS|sas programming'],
  ['SPSS', 'ibm spss'],
  ['Stata'],
  ['Data governance'],
  ['Data quality'],
  ['Data mining'],
  ['Quantitative analysis', 'quantitative research|quantitative methods'],
  ['Business intelligence', '=BI|bi tools'],
  ['Econometrics'],
  ['Bayesian statistics', 'bayesian methods|bayesian inference'],
  ['Experimental design', 'design of experiments|experiment design'],
  ['Data collection'],
  ['Data cleaning', 'data cleansing|data wrangling|data preprocessing|data preparation'],
  ['Research and development', '=R&D|r&d|research & development'],
  ['Research', 'research skills|research experience|conducting research'],
];

const design: readonly SkillSource[] = [
  ['UI design', 'user interface design|=UI|ui designer|interface design'],
  ['UX design', 'user experience|user experience design|=UX|ux designer'],
  ['UI/UX', 'ui/ux design|ux/ui|ux/ui design', 'UI design|UX design'],
  ['User research', 'ux research|user interviews|usability research'],
  ['Usability testing', 'user testing|usability studies'],
  ['Wireframing', 'wireframes|wireframe'],
  ['Prototyping', 'prototypes|rapid prototyping|prototype'],
  ['Interaction design', '=IxD'],
  ['Visual design'],
  ['Graphic design', 'graphic designer'],
  ['Design systems', 'design system'],
  ['Typography'],
  ['Information architecture'],
  ['Design thinking'],
  ['User-centered design', 'user-centred design|human-centered design|human-centred design|=UCD'],
  ['Figma'],
  ['Sketch', '=Sketch'],
  ['Adobe XD'],
  ['InVision', '=InVision'],
  ['Adobe Photoshop', 'photoshop'],
  ['Adobe Illustrator', 'illustrator'],
  ['Adobe InDesign', 'indesign'],
  ['Adobe After Effects', 'after effects'],
  ['Adobe Premiere Pro', 'premiere pro|adobe premiere'],
  ['Adobe Creative Suite', 'adobe creative cloud|creative suite|creative cloud|adobe cc'],
  ['Canva'],
  ['Motion graphics', 'motion design'],
  ['Branding', 'brand identity|brand design|visual identity'],
  ['Video editing', 'video production'],
  ['Photography'],
  ['3D modeling', '3d modelling|3d design'],
  ['Blender', '=Blender'],
  ['CAD', '=CAD|computer-aided design|computer aided design'],
  ['AutoCAD', '', 'CAD'],
  ['SolidWorks', '', 'CAD'],
  ['Revit', '', 'CAD'],
];

const product: readonly SkillSource[] = [
  ['Product management', 'product manager|product owner'],
  ['Product strategy', 'product vision'],
  ['Product roadmap', 'roadmap|roadmaps|roadmapping|product roadmaps'],
  ['Go-to-market strategy', 'go-to-market|=GTM|gtm strategy'],
  ['Market research', 'market analysis|market trends'],
  [
    'Competitive analysis',
    'competitive research|competitor analysis|competitive intelligence|competitive landscape',
  ],
  ['User stories', 'user story'],
  ['Requirements gathering', 'requirements analysis|requirements elicitation|business requirements'],
  [
    'Product requirements documents',
    '=PRD|=PRDs|product requirements document|=MRD|=MRDs|market requirements documents',
  ],
  ['Product discovery', 'customer discovery'],
  ['Prioritization', 'prioritisation|feature prioritization|prioritized features|prioritize features'],
  ['Backlog management', 'product backlog|backlog grooming|backlog refinement'],
  ['OKRs', '=OKR|=OKRs|objectives and key results'],
  ['KPIs', '=KPI|=KPIs|key performance indicators|kpi tracking'],
  ['Product analytics'],
  ['Amplitude', '=Amplitude'],
  ['Mixpanel'],
  ['Pricing strategy', 'pricing|pricing models'],
  ['Product launch', 'product launches|launching products|launch products'],
  ['Product lifecycle management', 'product lifecycle|product life cycle|=PLM'],
  ['Product marketing', 'product marketing manager'],
  ['Product demos', 'product demonstrations|product demo'],
  ['Customer journey mapping', 'customer journey|journey mapping|journey maps'],
  ['Beta programs', 'beta testing|pilot programs|pilot programme'],
  ['Partnerships', 'strategic partnerships|partnership management|partner management'],
  ['Positioning', 'product positioning|messaging and positioning'],
];

const projectManagement: readonly SkillSource[] = [
  ['Project management', 'project manager|managing projects|project delivery|project planning'],
  ['Program management', 'program manager|programme management'],
  ['PMP', '=PMP|project management professional', 'Project management'],
  ['PRINCE2', 'prince 2', 'Project management'],
  ['Risk management', 'risk assessment|risk analysis|risk mitigation'],
  ['Change management', 'organizational change|organisational change|change control'],
  ['Stakeholder management', 'stakeholder engagement|stakeholder communication|managing stakeholders'],
  ['Resource planning', 'resource allocation|resource management|capacity planning'],
  ['Microsoft Project', 'ms project'],
  ['Smartsheet'],
  ['Asana', '=Asana'],
  ['Trello'],
  ['Monday.com'],
  ['Gantt charts', 'gantt chart|=Gantt'],
  ['Lean', '=Lean|lean methodology|lean principles'],
  ['Six Sigma', 'lean six sigma|six sigma green belt|six sigma black belt|=DMAIC'],
  [
    'Process improvement',
    'continuous improvement|process optimization|process optimisation|business process improvement|process improvements',
  ],
  ['Business process modeling', '=BPMN|process mapping|business process mapping'],
  ['Agile', 'agile methodologies|agile methodology|agile development|agile methods|agile practices'],
  ['Scrum', 'scrum methodology', 'Agile'],
  ['Kanban', '', 'Agile'],
  ['Scrum Master', 'certified scrum master|=CSM|certified scrummaster', 'Scrum'],
  ['Waterfall', 'waterfall methodology'],
  ['Cross-functional collaboration', 'cross-functional|cross-functional teams|cross-functional team'],
];

const marketing: readonly SkillSource[] = [
  ['Digital marketing', 'online marketing|internet marketing'],
  ['Search engine optimization', '=SEO|search engine optimisation'],
  ['Search engine marketing', '=SEM|paid search'],
  ['Pay-per-click advertising', '=PPC|pay per click|paid advertising|paid media'],
  ['Google Ads', 'google adwords|adwords', 'Pay-per-click advertising'],
  ['Meta Ads', 'facebook ads|facebook advertising|instagram ads|meta ads manager'],
  ['Google Analytics', '=GA4|universal analytics'],
  ['Adobe Analytics'],
  ['Google Tag Manager', 'tag manager'],
  ['Content marketing'],
  ['Content strategy'],
  ['Content creation', 'content writing|creating content'],
  ['Copywriting', 'copywriter'],
  ['Social media marketing', '=SMM|social media advertising'],
  [
    'Social media management',
    'social media|social media platforms|social media channels|social media strategy',
  ],
  ['Facebook', '=Facebook'],
  ['Instagram'],
  ['Twitter', '=Twitter'],
  ['TikTok'],
  ['YouTube'],
  ['Email marketing', 'email campaigns|e-mail marketing|newsletters'],
  ['Marketing automation'],
  ['HubSpot', 'hub spot'],
  ['Marketo'],
  ['Mailchimp', 'mail chimp'],
  ['Salesforce Marketing Cloud', 'marketing cloud', 'Salesforce'],
  ['Brand management', 'brand strategy|brand marketing|brand awareness'],
  ['Public relations', '=PR|media relations|press relations'],
  ['Influencer marketing'],
  ['Affiliate marketing'],
  ['Growth marketing', 'growth hacking'],
  ['Demand generation', 'demand gen'],
  ['Lead generation', 'lead gen|generating leads'],
  ['Conversion rate optimization', '=CRO|conversion optimization'],
  ['Marketing analytics', 'marketing metrics|campaign analytics'],
  ['Campaign management', 'campaign planning|marketing campaigns|campaign execution'],
  ['Market segmentation', 'customer segmentation|audience segmentation'],
  ['Marketing strategy', 'marketing plans|marketing plan'],
  ['Community management', 'community building|online community'],
  ['WordPress'],
  ['Shopify'],
  ['E-commerce', 'e-commerce platforms|online retail'],
  ['Hootsuite'],
  ['Sprout Social'],
  ['Semrush'],
  ['Ahrefs'],
  ['Customer acquisition', 'user acquisition'],
  ['Customer retention', 'retention marketing|user retention'],
  ['Storytelling'],
  ['Event marketing'],
  ['Survey design', 'questionnaire design'],
];

const sales: readonly SkillSource[] = [
  ['B2B sales', '=B2B|business-to-business'],
  ['B2C sales', '=B2C|business-to-consumer'],
  ['Account management', 'account manager|key account management|managing accounts|client accounts'],
  ['Business development', 'business development manager|biz dev|bizdev'],
  ['Prospecting', 'sales prospecting'],
  ['Cold calling', 'cold calls|cold outreach'],
  ['Consultative selling', 'consultative sales|solution selling|solution sales|value selling'],
  ['Negotiation', 'negotiating|negotiation skills|contract negotiation|negotiations'],
  ['Closing deals', 'deal closing|closing sales'],
  ['Sales pipeline management', 'pipeline management|sales pipeline|pipeline development'],
  ['Sales forecasting'],
  ['CRM', '=CRM|crm software|crm systems|customer relationship management'],
  ['Customer success', 'customer success management|client success'],
  ['Territory management', 'territory planning'],
  ['Quota attainment', 'sales quota|sales quotas|exceeding quota|exceeded quota'],
  ['Upselling', 'up-selling|cross-selling|upsell'],
  ['Channel sales', 'channel partners|partner sales'],
  ['Inside sales'],
  ['Outside sales', 'field sales'],
  ['Enterprise sales', 'enterprise accounts'],
  ['Sales operations', 'sales ops|revenue operations|revops'],
  ['Sales enablement'],
  ['RFP responses', '=RFP|=RFPs|=RFI|request for proposal|proposal writing'],
  ['Retail sales', 'retail'],
  [
    'Relationship building',
    'building relationships|client relationships|customer relationships|relationship management',
  ],
  ['Lead qualification', 'qualifying leads'],
];

const finance: readonly SkillSource[] = [
  ['Financial analysis', 'financial analyst'],
  ['Financial modeling', 'financial modelling|financial models'],
  ['Financial reporting', 'financial statements|financial reports'],
  ['FP&A', 'financial planning and analysis|financial planning & analysis'],
  ['Budgeting', 'budget management|budget planning|budgets|managing budgets|budget tracking'],
  ['Forecasting', 'financial forecasting'],
  ['Accounting', 'accountancy'],
  ['Bookkeeping', 'book keeping|book-keeping'],
  ['Accounts payable', 'a/p'],
  ['Accounts receivable', 'a/r'],
  ['General ledger', 'general ledger accounting'],
  ['Account reconciliation', 'reconciliations|reconciliation|bank reconciliation|bank reconciliations'],
  ['Month-end close', 'month-end closing|financial close|year-end close'],
  ['GAAP', 'us gaap'],
  ['IFRS'],
  ['Auditing', 'audit|audits|internal audit|external audit'],
  ['Internal controls', 'internal control'],
  ['SOX compliance', '=SOX|sarbanes-oxley'],
  ['Tax preparation', 'taxation|tax returns|tax compliance|tax planning'],
  ['Payroll', 'payroll processing'],
  ['QuickBooks', 'quickbooks online|=QBO'],
  ['Xero', '=Xero'],
  ['NetSuite', 'oracle netsuite'],
  ['VBA', '=VBA|visual basic for applications|excel vba'],
  ['Valuation', 'valuations|business valuation'],
  ['Discounted cash flow', '=DCF|dcf analysis|dcf models'],
  ['Mergers and acquisitions', '=M&A|m&a|mergers & acquisitions'],
  ['Due diligence'],
  ['Investment banking'],
  ['Private equity'],
  ['Venture capital'],
  ['Portfolio management', 'portfolio manager|asset management|investment management'],
  ['Credit analysis', 'credit risk|credit risk analysis'],
  ['Treasury', 'treasury management|cash management'],
  ['Cash flow management', 'cash flow|cash flow forecasting'],
  ['Cost accounting', 'cost analysis|costing'],
  ['Variance analysis', 'budget variance'],
  ['P&L management', '=P&L|p&l|profit and loss|profit & loss'],
  ['Bloomberg Terminal', '=Bloomberg'],
  ['Anti-money laundering', '=AML|aml compliance'],
  ['KYC', '=KYC|know your customer'],
  ['Regulatory reporting'],
  ['Actuarial science', 'actuarial|actuarial analysis'],
  ['Underwriting'],
  ['Financial planning', 'wealth management|financial advising|financial advisor'],
  ['Investment analysis', 'equity research|securities analysis'],
  ['Billing', 'invoicing|billing and invoicing'],
  ['Expense management', 'expense reports|expense reporting'],
];

const operations: readonly SkillSource[] = [
  ['Operations management', 'business operations|operations manager|operational excellence'],
  ['Supply chain management', 'supply chain|=SCM|supply chain operations'],
  ['Logistics', 'logistics management|transportation management|shipping and receiving'],
  ['Procurement', 'purchasing|strategic sourcing|procurement management'],
  ['Inventory management', 'inventory control|stock management|inventory'],
  ['Warehouse management', 'warehousing|warehouse operations|=WMS'],
  ['Demand planning', 'demand forecasting'],
  ['S&OP', 'sales and operations planning'],
  ['Lean manufacturing', 'lean production'],
  ['Quality control', '=QC|quality inspection'],
  ['ISO 9001', 'iso certification|iso standards'],
  ['Root cause analysis', '=RCA|root-cause analysis'],
  [
    'Health and safety',
    '=OSHA|occupational health and safety|workplace safety|=EHS|environmental health and safety|safety compliance',
  ],
  ['Fleet management'],
  ['Facilities management', 'facility management|facilities maintenance'],
  ['Forklift operation', 'forklift|forklift certified|forklift certification|forklift operator'],
  ['Dispatching', 'dispatch'],
  ['Data entry'],
  ['Office administration', 'office management|administrative support|clerical'],
  ['Scheduling', 'calendar management|appointment scheduling|schedule management'],
  ['Order fulfillment', 'order processing|fulfilment|fulfillment'],
  ['Vendor management', 'supplier management|vendor relations|vendor relationships'],
  ['Contract management', 'contract administration'],
  ['Standard operating procedures', '=SOP|=SOPs|process documentation'],
  ['Troubleshooting', 'trouble-shooting|troubleshoot'],
  ['Technical support', 'tech support|it support|help desk|helpdesk|service desk'],
  ['ITIL', '=ITIL|itil v4'],
  ['IT service management', '=ITSM'],
  ['Incident management', 'incident response'],
  ['Systems administration', 'system administration|sysadmin|systems administrator'],
  ['Cash handling'],
  ['Point of sale', '=POS|pos systems|point-of-sale'],
  ['Food safety', '=HACCP|servsafe|food handling'],
  ['Customer service', 'customer support|client service|customer care|customer-facing|client-facing'],
  ['Event planning', 'event management|event coordination'],
];

const healthcare: readonly SkillSource[] = [
  ['Patient care', 'patient-centered care|direct patient care|patient services'],
  ['Electronic health records', '=EHR|=EMR|electronic medical records|ehr systems|emr systems'],
  ['Epic', '=Epic|epic systems|epic emr', 'Electronic health records'],
  ['Cerner', '', 'Electronic health records'],
  ['HIPAA', 'hipaa compliance'],
  ['Medical terminology'],
  ['CPR', '=CPR|cardiopulmonary resuscitation'],
  ['Basic Life Support', '=BLS|bls certification|bls certified'],
  ['ACLS', '=ACLS|advanced cardiovascular life support|advanced cardiac life support'],
  ['PALS', '=PALS|pediatric advanced life support'],
  ['Phlebotomy', 'venipuncture|blood draws'],
  ['Vital signs', 'taking vitals'],
  ['Medication administration', 'administering medication|administering medications|medication management'],
  ['Triage'],
  ['Nursing'],
  ['Clinical research', 'clinical research coordinator'],
  ['Clinical trials', 'clinical trial'],
  ['Good clinical practice', 'ich gcp|ich-gcp'],
  ['ICD-10', 'icd10|icd-10-cm|icd coding'],
  ['CPT coding', '=CPT|cpt codes'],
  ['Medical billing', 'medical billing and coding'],
  ['Medical coding', 'clinical coding'],
  ['Infection control', 'infection prevention'],
  ['Case management', 'case manager'],
  ['Care coordination', 'care planning|care plans'],
  ['Patient education'],
  ['Wound care'],
  ['Telehealth', 'telemedicine'],
  ['Pharmacology'],
  ['Physical therapy', 'physiotherapy'],
  ['Occupational therapy'],
  ['Mental health', 'behavioral health|behavioural health'],
  ['Radiology', 'medical imaging'],
  ['Laboratory techniques', 'lab techniques|laboratory skills|laboratory testing'],
  ['FDA regulations', '=FDA|fda compliance|21 cfr part 11'],
  ['Public health'],
  ['Epidemiology'],
  ['Biostatistics'],
  ['HL7', '=FHIR|hl7 fhir'],
  ['Healthcare administration', 'health administration|healthcare management'],
  ['Medical devices', 'medical device'],
  ['Patient safety'],
  ['Long-term care', 'elder care|geriatric care'],
  ['Pediatrics', 'paediatrics|pediatric care'],
  ['Home health care', 'home health|home care'],
  ['Dental assisting', 'dental assistant'],
  ['Pharmacy', 'pharmacy technician'],
  ['Counseling', 'counselling'],
  ['First aid', 'first aid certification'],
];

const people: readonly SkillSource[] = [
  ['Recruiting', 'recruitment|talent acquisition|full-cycle recruiting'],
  ['Candidate sourcing', 'talent sourcing'],
  ['Onboarding', 'employee onboarding'],
  ['Employee relations'],
  ['Performance management', 'performance reviews|performance appraisals'],
  ['Compensation and benefits', 'total rewards|compensation & benefits'],
  ['HRIS', '=HRIS|human resources information system'],
  ['Workday', '=Workday'],
  ['Applicant tracking systems', '=ATS|applicant tracking system'],
  ['Employment law', 'labor law|labour law|employment legislation'],
  ['Diversity and inclusion', '=DEI|diversity equity and inclusion|=D&I'],
  ['Learning and development', '=L&D|l&d|training and development|employee development'],
  ['Employee training', 'staff training|training delivery|corporate training'],
  ['Succession planning'],
  ['Workforce planning'],
  ['Human resources', '=HR|human resource management|=HRM'],
  ['Benefits administration'],
  ['Talent management'],
  ['Employee engagement'],
];

const education: readonly SkillSource[] = [
  ['Curriculum development', 'curriculum design'],
  ['Lesson planning', 'lesson plans'],
  ['Classroom management'],
  ['Instructional design', 'instructional designer|=ADDIE'],
  ['E-learning', 'online learning|e-learning development'],
  ['Learning management systems', '=LMS|learning management system|moodle|canvas lms|blackboard learn'],
  ['Tutoring', 'tutor'],
  ['Special education', '=SPED|special needs education'],
  ['Teaching', 'classroom teaching'],
  ['Early childhood education'],
];

const legal: readonly SkillSource[] = [
  ['Legal research'],
  ['Litigation'],
  ['Contract drafting', 'drafting contracts|contract review'],
  ['Intellectual property', 'ip law'],
  ['GDPR', 'general data protection regulation|data protection'],
  ['Privacy compliance', 'data privacy|privacy law'],
  ['Regulatory compliance', 'compliance|regulatory requirements'],
  ['Regulatory affairs'],
  ['Corporate law'],
  ['Paralegal', 'paralegal work'],
  ['E-discovery', 'electronic discovery'],
  ['Legal writing'],
];

const office: readonly SkillSource[] = [
  [
    'Microsoft Office',
    'ms office|microsoft office suite|office 365|microsoft 365|=M365|=O365|ms office suite',
  ],
  ['Microsoft Excel', '=Excel|ms excel|excel spreadsheets|advanced excel'],
  ['Microsoft Word', 'ms word'],
  ['Microsoft PowerPoint', 'powerpoint|ms powerpoint|power point'],
  ['Microsoft Outlook', '=Outlook|ms outlook'],
  ['Microsoft Teams', 'ms teams'],
  ['SharePoint', 'share point'],
  ['Microsoft Visio', 'visio'],
  ['Microsoft Access', 'ms access'],
  ['Google Workspace', 'g suite|gsuite|google suite|google docs|google sheets|google slides'],
  ['Slack', '=Slack'],
  ['Notion', '=Notion'],
  ['Spreadsheets', 'spreadsheet'],
  ['Windows', '=Windows|microsoft windows'],
  ['macOS', 'mac os|os x|mac os x'],
];

const softSkills: readonly SkillSource[] = [
  [
    'Communication',
    'communication skills|written communication|verbal communication|written and verbal communication|oral communication|communicator|communicate effectively',
  ],
  ['Leadership', 'leadership skills|team leadership|leading teams|people management|team management'],
  [
    'Teamwork',
    'team player|collaboration|collaborative|collaborate|collaborating|team work|work in a team|working in a team|team environment',
  ],
  ['Problem solving', 'problem-solving|problem solver|solving problems|problem-solving skills'],
  ['Critical thinking', 'think critically'],
  ['Analytical skills', 'analytical thinking|analytical|analytical mindset'],
  ['Time management', 'managing time'],
  ['Attention to detail', 'detail-oriented|meticulous'],
  ['Adaptability', 'adaptable|adapt quickly'],
  ['Creativity', 'creative thinking|creative problem solving'],
  ['Interpersonal skills', 'interpersonal|people skills'],
  ['Public speaking', 'presentation skills|presentations'],
  ['Conflict resolution', 'conflict management|resolving conflicts'],
  ['Decision making', 'decision-making|sound judgment|sound judgement'],
  ['Emotional intelligence', 'empathy|empathetic'],
  ['Mentoring', 'mentorship|coaching|mentor|mentored'],
  [
    'Self-motivation',
    'self-starter|self-motivated|self-driven|proactive|self-directed|self-direct|work independently|little supervision|minimal supervision',
  ],
  [
    'Organizational skills',
    'organisational skills|organization skills|highly organized|well organized|well-organized',
  ],
  ['Multitasking', 'multi-tasking|multiple priorities|competing priorities'],
  ['Work ethic', 'strong work ethic'],
  ['Strategic thinking', 'strategic planning|strategic mindset|strategy development'],
  ['Customer focus', 'customer-focused|customer-centric|customer obsession'],
  ['Active listening', 'listening skills'],
];

const languages: readonly SkillSource[] = [
  ['English', '=English|fluent english|english proficiency'],
  ['Spanish', '=Spanish'],
  ['French', '=French'],
  ['German', '=German'],
  ['Mandarin Chinese', '=Mandarin|=Chinese|=Cantonese'],
  ['Japanese', '=Japanese'],
  ['Portuguese', '=Portuguese'],
  ['Arabic', '=Arabic'],
  ['Hindi', '=Hindi'],
  ['Italian', '=Italian'],
  ['Korean', '=Korean'],
  ['Russian', '=Russian'],
  ['Dutch', '=Dutch'],
  ['Bilingual', 'multilingual'],
  ['Sign language', '=ASL|american sign language'],
];

const credentials: readonly SkillSource[] = [
  [
    "Bachelor's degree",
    'bachelors degree|bachelor degree|=BS|=B.S|=BA|=B.A|bachelor of science|bachelor of arts|bachelor of engineering|undergraduate degree|=BSc|b.sc|=B.Tech|b.tech|=BEng',
  ],
  [
    "Master's degree",
    'masters degree|master degree|=MS|=M.S|=MSc|m.sc|master of science|master of arts|graduate degree',
  ],
  ['MBA', '=MBA|master of business administration'],
  ['PhD', '=PhD|ph.d|doctorate|doctoral degree'],
  ['Computer science', 'computer engineering'],
  ['Electrical engineering'],
  ['Mechanical engineering'],
  ['Civil engineering'],
  ['Mathematics', 'math|maths|applied mathematics'],
  ['Economics'],
  ['Business administration', 'business management'],
  ['CPA', '=CPA|certified public accountant', 'Accounting'],
  ['CFA', '=CFA|chartered financial analyst'],
  ['ACCA'],
  ['Registered nurse', '=RN|=RNs|rn license', 'Nursing'],
  ['Licensed practical nurse', '=LPN|=LVN|licensed vocational nurse', 'Nursing'],
  ['Certified nursing assistant', '=CNA|nursing assistant'],
  ['AWS Certified', 'aws certification|aws certified solutions architect|aws certified developer', 'AWS'],
  ['CompTIA Security+', 'security+|comptia security+', 'Cybersecurity'],
  ['CompTIA A+', 'comptia a+|a+ certification'],
  ['CISSP', '', 'Cybersecurity'],
  ['CISM', '', 'Cybersecurity'],
  ['CCNA', '', 'Computer networking'],
  ["Driver's license", "drivers license|driving licence|driving license|driver's licence"],
  ['Security clearance', 'secret clearance|top secret clearance|ts/sci'],
];

const sources: Readonly<Record<SkillCategory, readonly SkillSource[]>> = {
  software,
  data,
  design,
  product,
  project_management: projectManagement,
  marketing,
  sales,
  finance,
  operations,
  healthcare,
  people,
  education,
  legal,
  office,
  soft_skill: softSkills,
  language: languages,
  credential: credentials,
};

export const skillsDictionary: readonly Skill[] = Object.entries(sources).flatMap(([category, rows]) =>
  rows.map(([canonical, aliases = '', implies = '']) => {
    const listed = aliases.split('|').filter((alias) => alias !== '');
    const spellsCanonical = listed.some(
      (alias) => stripMarker(alias).toLowerCase() === canonical.toLowerCase(),
    );
    return {
      canonical,
      category: category as SkillCategory,
      aliases: spellsCanonical ? listed : [canonical, ...listed],
      implies: implies.split('|').filter((name) => name !== ''),
    };
  }),
);

/** A word of text, with its place in the text and the key it is looked up by. */
export type WordToken = {
  readonly start: number;
  readonly end: number;
  /** Lower case, NFKC, typographic apostrophes and hyphens made plain, possessive "'s" removed. */
  readonly key: string;
  /** False when punctuation other than a hyphen, slash or ampersand (or a blank line) separates it from the previous word. */
  readonly joinsPrevious: boolean;
};

export type SkillMatch = {
  readonly skill: Skill;
  readonly start: number;
  readonly end: number;
  /** The text as written, e.g. "Postgres" for PostgreSQL. */
  readonly text: string;
};

type Candidate = {
  readonly skill: Skill;
  /** The exact text required (whitespace collapsed), for `=` and `~` aliases. */
  readonly exact: string | null;
  readonly needsContext: boolean;
};

type SkillIndex = {
  /** Keys made of one word that contain punctuation ("node.js", "c#", "ci/cd", ".net", "r&d"). */
  readonly units: ReadonlySet<string>;
  readonly byKey: ReadonlyMap<string, readonly Candidate[]>;
  /** Every key and every leading part of a key, whole words only ("a/b", "a/b testing"). */
  readonly prefixes: ReadonlySet<string>;
  readonly canonicalNames: ReadonlyMap<string, Skill>;
};

let index: SkillIndex | undefined;

function getIndex(): SkillIndex {
  index ??= buildIndex(skillsDictionary);
  return index;
}

function stripMarker(alias: string): string {
  return alias.startsWith('=') || alias.startsWith('~') ? alias.slice(1) : alias;
}

function buildIndex(skills: readonly Skill[]): SkillIndex {
  const units = new Set<string>();
  for (const skill of skills) {
    for (const alias of skill.aliases) {
      for (const word of stripMarker(alias).split(/\s+/)) {
        const key = keyOf(trimWord(word).text);
        if (/[\p{L}\p{N}]/u.test(key) && /[./&+#']/.test(key)) units.add(key);
      }
    }
  }
  const byKey = new Map<string, Candidate[]>();
  const prefixes = new Set<string>();
  const canonicalNames = new Map<string, Skill>();
  for (const skill of skills) {
    canonicalNames.set(skill.canonical.toLowerCase(), skill);
    for (const alias of skill.aliases) {
      const text = stripMarker(alias);
      const exact = alias === text ? null : text.replace(/\s+/g, ' ');
      const needsContext = alias.startsWith('~');
      const words = tokenizeWith(text, units).map((token) => token.key);
      if (words.length === 0) throw new Error(`skills dictionary: alias "${alias}" has no words`);
      // "front-end" is also written "frontend", "e-commerce" "ecommerce".
      const joined = text.includes('-')
        ? [tokenizeWith(text.replaceAll('-', ''), units).map((t) => t.key)]
        : [];
      for (const variant of [...spellingVariants(words), ...joined]) {
        const key = variant.join(' ');
        const candidates = byKey.get(key) ?? [];
        if (!candidates.some((c) => c.skill === skill && c.exact === exact)) {
          candidates.push({ skill, exact, needsContext });
        }
        byKey.set(key, candidates);
        for (let length = 1; length <= variant.length; length++)
          prefixes.add(variant.slice(0, length).join(' '));
      }
    }
  }
  return { units, byKey, prefixes, canonicalNames };
}

/**
 * "node.js" is also written "nodejs" and "node js"; "ci/cd" also "ci cd"; a hyphenated word, already split
 * into its parts, is also written as one word ("front end" / "frontend", "e commerce" / "ecommerce").
 */
function spellingVariants(words: readonly string[]): string[][] {
  const variants: string[][] = [[...words]];
  for (const [position, word] of words.entries()) {
    if (/^[\p{L}\p{N}]+[./][\p{L}\p{N}]+$/u.test(word)) {
      const parts = word.split(/[./]/);
      for (const replacement of [[parts.join('')], parts]) {
        variants.push([...words.slice(0, position), ...replacement, ...words.slice(position + 1)]);
      }
    }
  }
  return variants;
}

/** The canonical skill for a name, matched regardless of case ("postgresql" → PostgreSQL). */
export function findSkillByName(name: string): Skill | undefined {
  return getIndex().canonicalNames.get(name.toLowerCase());
}

export function tokenizeWords(text: string): readonly WordToken[] {
  return tokenizeWith(text, getIndex().units);
}

const chunkPattern = /[\p{L}\p{M}\p{N}_.#+&/'’\u2010\u2011-]+/gu;
const plainWord = /^[\p{L}\p{N}]+$/u;

/** Letters and digits only: the common case, checked without a regular expression when it is ASCII. */
function isPlainWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at);
    const isAsciiAlphanumeric =
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    if (!isAsciiAlphanumeric) return code > 127 && plainWord.test(word);
  }
  return true;
}
const joiningGap = /^(?:['’][sS])?[ \t\u00A0&/\u2010\u2011-]*\n?[ \t\u00A0&/\u2010\u2011-]*$/;

function tokenizeWith(text: string, units: ReadonlySet<string>): WordToken[] {
  const tokens: WordToken[] = [];
  const push = (start: number, end: number, key: string): void => {
    const previous = tokens.at(-1);
    const joinsPrevious =
      previous !== undefined &&
      ((start === previous.end + 1 && text.charCodeAt(previous.end) === 32) ||
        joiningGap.test(text.slice(previous.end, start)));
    tokens.push({ start, end, key, joinsPrevious });
  };
  for (const match of text.matchAll(chunkPattern)) {
    if (isPlainWord(match[0])) {
      push(match.index, match.index + match[0].length, keyOf(match[0]));
      continue;
    }
    const chunk = trimWord(match[0]);
    if (isPlainWord(chunk.text)) {
      push(match.index + chunk.offset, match.index + chunk.offset + chunk.text.length, keyOf(chunk.text));
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(chunk.text)) continue;
    const chunkStart = match.index + chunk.offset;
    const chunkKey = keyOf(chunk.text);
    if (units.has(chunkKey)) {
      push(chunkStart, chunkStart + chunk.text.length, chunkKey);
      continue;
    }
    for (const slashPart of splitKeepingOffsets(chunk.text, /[^/]+/g)) {
      const part = trimWord(slashPart.text);
      const partStart = chunkStart + slashPart.offset + part.offset;
      const partKey = keyOf(part.text);
      if (units.has(partKey)) {
        push(partStart, partStart + part.text.length, partKey);
        continue;
      }
      for (const piece of splitKeepingOffsets(part.text, /[^.&'’_\u2010\u2011-]+/g)) {
        const word = piece.text.replace(/[+#]+$/, '');
        if (!/[\p{L}\p{N}]/u.test(word)) continue;
        const key = keyOf(piece.text);
        const start = partStart + piece.offset;
        if (units.has(key)) push(start, start + piece.text.length, key);
        else push(start, start + word.length, keyOf(word));
      }
    }
  }
  return tokens;
}

function trimWord(raw: string): { readonly text: string; readonly offset: number } {
  let start = 0;
  let end = raw.length;
  while (start < end && /[#+&/'’_\u2010\u2011.-]/.test(raw[start]!)) {
    // A single leading dot before a letter is part of the word (".NET").
    if (
      raw[start] === '.' &&
      start + 1 < end &&
      /\p{L}/u.test(raw[start + 1]!) &&
      (start === 0 || raw[start - 1] !== '.')
    ) {
      break;
    }
    start += 1;
  }
  while (end > start && /[.&/'’_\u2010\u2011-]/.test(raw[end - 1]!)) end -= 1;
  if (
    end - start > 2 &&
    (raw[end - 1] === 's' || raw[end - 1] === 'S') &&
    (raw[end - 2] === "'" || raw[end - 2] === '’')
  ) {
    end -= 2;
  }
  return { text: raw.slice(start, end), offset: start };
}

function splitKeepingOffsets(text: string, pattern: RegExp): { text: string; offset: number }[] {
  return [...text.matchAll(pattern)].map((match) => ({ text: match[0], offset: match.index }));
}

const asciiOnly = /^[\x00-\x7F]*$/;

function keyOf(word: string): string {
  if (asciiOnly.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[\u2010\u2011]/g, '-');
}

/** Light English plural folding used on both sides of a comparison: "apis" → "api", "policies" → "policy". */
export function singularizeWord(key: string): string {
  const length = key.length;
  if (length <= 3 || key.charCodeAt(length - 1) !== 115 /* s */) return key;
  for (let at = 0; at < length; at++) {
    const code = key.charCodeAt(at);
    if (code < 97 || code > 122) return key;
  }
  if (key.endsWith('ies') && length > 4) return `${key.slice(0, -3)}y`;
  if (key.endsWith('ss') || key.endsWith('us') || (key.endsWith('is') && length > 4)) return key;
  if (key.endsWith('sses') || key.endsWith('xes') || key.endsWith('ches') || key.endsWith('shes')) {
    return key.slice(0, -2);
  }
  return key.slice(0, -1);
}

/**
 * Every occurrence of a dictionary skill in the text, longest spelling first ("Spring Boot" before
 * "Spring", "React Native" before "React"), never overlapping, in text order.
 */
export function findSkills(
  text: string,
  tokens: readonly WordToken[] = tokenizeWords(text),
): readonly SkillMatch[] {
  const { byKey, prefixes } = getIndex();
  const matches: SkillMatch[] = [];
  // keys[n] is the key of the n + 1 words from the current position, built only while it leads somewhere.
  const keys: string[] = [];
  let position = 0;
  while (position < tokens.length) {
    const first = tokens[position]!;
    let reach = 0;
    if (prefixes.has(first.key) || prefixes.has(singularizeWord(first.key))) {
      keys[0] = first.key;
      reach = 1;
      while (position + reach < tokens.length) {
        const next = tokens[position + reach]!;
        if (!next.joinsPrevious) break;
        const key = `${keys[reach - 1]} ${next.key}`;
        if (!prefixes.has(key) && !prefixes.has(`${keys[reach - 1]} ${singularizeWord(next.key)}`)) break;
        keys[reach] = key;
        reach += 1;
      }
    }
    let matched = 0;
    for (let length = reach; length >= 1 && matched === 0; length--) {
      const start = first.start;
      const end = tokens[position + length - 1]!.end;
      const accepted =
        acceptExact(byKey.get(keys[length - 1]!), text, start, end) ??
        acceptPlural(byKey, length === 1 ? '' : `${keys[length - 2]} `, tokens[position + length - 1]!.key);
      if (accepted !== undefined) {
        matches.push({ skill: accepted.skill, start, end, text: text.slice(start, end) });
        matched = length;
      }
    }
    position += Math.max(1, matched);
  }
  return matches;
}

function acceptExact(
  candidates: readonly Candidate[] | undefined,
  text: string,
  start: number,
  end: number,
): Candidate | undefined {
  if (candidates === undefined) return undefined;
  let written: string | undefined;
  for (const candidate of candidates) {
    if (candidate.exact !== null) {
      written ??= text.slice(start, end).replace(/\s+/g, ' ');
      if (candidate.exact !== written) continue;
    }
    if (!candidate.needsContext || isTechnicalContext(text, start, end)) return candidate;
  }
  return undefined;
}

function acceptPlural(
  byKey: ReadonlyMap<string, readonly Candidate[]>,
  prefix: string,
  last: string,
): Candidate | undefined {
  const singular = singularizeWord(last);
  if (singular === last) return undefined;
  // Exact-case aliases never take a plural: "MLs" is not an abbreviation anyone writes for the skill.
  return byKey.get(prefix + singular)?.find((candidate) => candidate.exact === null);
}

const listPunctuationAfter = new Set([',', '/', ')', ';', '|']);
const listPunctuationBefore = new Set([',', '/', '(', ';', '|', ':', '•', '·', '*', '▪', '-', '–']);

/**
 * Decides whether a word that is also plain English ("Go", "Spring", "R") is used as a technology name:
 * it sits in a list, follows "in/with/using/and/or", or comes before a technical noun. "Go-to-market",
 * "Go ahead", "Spring 2014" and "R&D" are not.
 */
function isTechnicalContext(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  if (/^[-\u2010\u2011&]\S/u.test(after)) return false;
  if (/^\s+\d{4}\b/.test(after)) return false;
  if (/^\s*(?:to|live|ahead|beyond|further|back|above|through|getter|for it)\b/i.test(after)) return false;
  const nextCharacter = /^\s*(\S)/.exec(after)?.[1];
  if (nextCharacter !== undefined && listPunctuationAfter.has(nextCharacter)) return true;
  const previousCharacter = /(\S)\s*$/.exec(before)?.[1];
  if (previousCharacter !== undefined && listPunctuationBefore.has(previousCharacter)) return true;
  if (/\b(?:and|or|in|with|using|like|including|plus|of)\s+$/i.test(before)) return true;
  return /^\s+(?:and|or|developers?|engineers?|engineering|programming|language|lang|code|services|microservices|back-?end|modules|sdk|apis?|frameworks?|applications?|apps?|stack)\b/i.test(
    after,
  );
}
